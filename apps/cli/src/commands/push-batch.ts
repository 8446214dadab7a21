/**
 * `raisin agreement FILE --push`: stores the batch the command just scored in a Raisin project, through
 * the REST API (`POST /api/v1/projects/{id}/samples`, docs/api.md), with the token in RAISIN_TOKEN. The
 * server scores the file again and keeps it, so the project's trend grows with every pipeline run.
 */
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';

export interface PushTarget {
  /** The server's origin, e.g. https://raisin.example.com. */
  readonly server: string;
  readonly projectId: string;
  readonly token: string;
}

export interface PushOptions {
  readonly name?: string | undefined;
  /** Read as the CLI read it, so the server reads the same file the same way. */
  readonly format: string;
  readonly level: string;
  readonly order?: readonly string[] | undefined;
  readonly columns: { readonly item?: string; readonly annotator?: string; readonly label?: string };
  readonly duplicates?: string | undefined;
}

export type PushResult =
  | { readonly ok: true; readonly id: string; readonly name: string; readonly url: string }
  | { readonly ok: false; readonly message: string };

/** The file's bytes as a request body: the file streamed from disk, or the bytes already read from stdin. */
export type PushBody = { readonly path: string } | { readonly bytes: Uint8Array };

function pushUrl(target: PushTarget, options: PushOptions): string {
  const url = new URL(`/api/v1/projects/${encodeURIComponent(target.projectId)}/samples`, target.server);
  const set = (key: string, value: string | undefined) => {
    if (value !== undefined) url.searchParams.set(key, value);
  };
  set('name', options.name);
  set('format', options.format);
  set('level', options.level);
  set('order', options.order?.join(','));
  set('item', options.columns.item);
  set('annotator', options.columns.annotator);
  set('label', options.columns.label);
  set('duplicates', options.duplicates);
  return url.toString();
}

/** Sends the batch; a refusal carries the server's own sentence, prefixed by its HTTP status. */
export async function pushBatch(
  target: PushTarget,
  body: PushBody,
  options: PushOptions,
): Promise<PushResult> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${target.token}`,
    'content-type': 'application/octet-stream',
    accept: 'application/json',
  };
  let payload: Uint8Array | ReadableStream<Uint8Array>;
  if ('path' in body) {
    headers['content-length'] = String(statSync(body.path).size);
    payload = Readable.toWeb(createReadStream(body.path)) as ReadableStream<Uint8Array>;
  } else {
    payload = body.bytes;
  }
  let response: Response;
  try {
    response = await fetch(pushUrl(target, options), {
      method: 'POST',
      headers,
      body: payload,
      // Node's fetch streams a ReadableStream body only in half-duplex mode.
      duplex: 'half',
    } as RequestInit);
  } catch (error) {
    const cause =
      error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    return { ok: false, message: `cannot reach ${target.server}: ${cause}` };
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's error page): reported by status below.
  }
  if (response.status === 201 && typeof json === 'object' && json !== null && 'url' in json && 'id' in json) {
    const { id, name, url } = json as { id: string; name: string; url: string };
    return { ok: true, id, name, url };
  }
  const message =
    typeof json === 'object' && json !== null && 'message' in json && typeof json.message === 'string'
      ? json.message
      : `the server answered ${response.status} ${response.statusText}`.trim();
  return { ok: false, message: `HTTP ${response.status}: ${message}` };
}
