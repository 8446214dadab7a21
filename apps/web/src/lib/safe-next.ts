/**
 * Returns `next` when it is a same-origin path (`/w/123?x=1`), else `fallback`. A `?next=` parameter that
 * could send the user to another site after sign-in (`//evil.example`, `https://…`, `/\evil`) is refused.
 */
export function toSafeNextPath(next: string | null | undefined, fallback = '/'): string {
  if (!next?.startsWith('/')) return fallback;
  if (next.startsWith('//') || next.startsWith('/\\')) return fallback;
  // Control characters can be stripped by browsers, turning "/\t/evil" into "//evil".
  for (const char of next) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return fallback;
  }
  return next;
}

/** The sign-in (or sign-up) URL that brings the user back to `path` afterwards. */
export function authPathWithNext(authPath: '/sign-in' | '/sign-up', path: string): string {
  const safe = toSafeNextPath(path, '');
  if (safe === '' || safe === '/') return authPath;
  return `${authPath}?next=${encodeURIComponent(safe)}`;
}
