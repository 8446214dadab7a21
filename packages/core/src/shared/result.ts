/**
 * A value or an error, as data. Domain code returns these instead of throwing, so callers must
 * look at the error (modelled on tldraw's `Result` in packages/utils/src/lib/control.ts).
 */
export type Result<T, E> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}
