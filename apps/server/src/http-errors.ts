// How the server answers when something is refused or fails: one JSON shape with a sentence and the
// request id for plain routes, tRPC's own error shape under /trpc, never a stack trace or an internal
// message (the log keeps those). app.ts wires these in; the REST API has its own shape (rest/routes.ts).
import { DATABASE_UNAVAILABLE_MESSAGE } from '@raisin/api';
import { isDatabaseUnavailable } from '@raisin/db';
import { type TRPC_ERROR_CODE_KEY, TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/** The path of a request URL, without its query. */
export function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

function dropStackFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropStackFields);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'stack')
      .map(([key, inner]) => [key, dropStackFields(inner)]),
  );
}

const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side.';

/**
 * An unexpected failure's message may be a whole SQL statement with its parameters. The router hides it
 * only when NODE_ENV is "production", which `npm start` does not set: the server hides it always (the
 * log keeps it). `body` is a tRPC error answer, or a batch of answers.
 */
function hideInternalMessages(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(hideInternalMessages);
  if (typeof body !== 'object' || body === null || !('error' in body)) return body;
  const { error } = body as { error: { message?: unknown; data?: { code?: unknown } } };
  if (error?.data?.code !== 'INTERNAL_SERVER_ERROR') return body;
  return { ...body, error: { ...error, message: INTERNAL_ERROR_MESSAGE } };
}

/**
 * tRPC answers with a Fetch `Response`, which Fastify would pipe as a web stream in chunked encoding:
 * several socket writes per answer, a large share of a small request's cost. Its JSON is read here and
 * sent as one string with a Content-Length instead. tRPC also adds `data.stack` to error shapes
 * whenever NODE_ENV is not "production" (its `isDev` default): error answers lose it here, so no
 * deployment leaks stack traces whatever the router's settings.
 */
export async function asJsonWithoutStacks(reply: FastifyReply, payload: unknown): Promise<unknown> {
  if (!(payload instanceof Response)) return payload;
  const json = payload.headers.get('content-type')?.startsWith('application/json') === true;
  // An error answer is JSON whatever its declared type: tRPC answers an unsupported request type (e.g.
  // text/plain) in that same type, stack included.
  if (!json && payload.status === 200) return payload;
  const text = await payload.text();
  reply.code(payload.status);
  payload.headers.forEach((value, name) => {
    if (name !== 'content-length') reply.header(name, value);
  });
  if (payload.status === 200) return text;
  try {
    const body = JSON.stringify(hideInternalMessages(dropStackFields(JSON.parse(text))));
    reply.header('content-type', 'application/json');
    return body;
  } catch {
    return text;
  }
}

/** `1 MB`, `512 KB` or `2000 bytes`: a byte limit as configured (RAISIN_BODY_LIMIT), for messages. */
export function formatByteLimit(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}

const TRPC_CODE_BY_STATUS: Readonly<Record<number, TRPC_ERROR_CODE_KEY>> = {
  400: 'BAD_REQUEST',
  408: 'TIMEOUT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** The procedure paths a tRPC URL names: `/trpc/a.b,c.d?batch=1` gives `a.b` and `c.d`. */
function trpcPathsOf(url: string): string[] {
  const encoded = pathOf(url).slice('/trpc/'.length);
  try {
    return decodeURIComponent(encoded).split(',');
  } catch {
    return [encoded];
  }
}

/**
 * A request Fastify refuses before tRPC reads it (a body over RAISIN_BODY_LIMIT, no content type) gets
 * tRPC's error shape, one entry per procedure of a batch, so the client reads `data.code` like any
 * other refusal instead of failing to parse an unknown shape. Null when tRPC's codes have no match.
 */
function trpcShapedRefusal(request: FastifyRequest, status: number, message: string): unknown {
  const code = TRPC_CODE_BY_STATUS[status];
  if (code === undefined) return null;
  const paths = trpcPathsOf(request.url);
  const shapes = paths.map((path) => ({
    error: {
      message,
      code: TRPC_ERROR_CODES_BY_KEY[code],
      data: { code, httpStatus: status, path, domainCode: null, domainDetails: null, zodError: null },
    },
  }));
  return (request.query as Record<string, unknown>).batch === '1' ? shapes : shapes[0];
}

/** The HTTP status an error asks for, or 500 when it names none (a bug, not a refusal). */
function statusOf(error: FastifyError): number {
  return typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 600
    ? error.statusCode
    : 500;
}

export function sendError(reply: FastifyReply, status: number, error: string, message: string) {
  return reply.code(status).send({ error, message, requestId: reply.request.id });
}

const HTTP_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
};

function httpName(status: number): string {
  return HTTP_NAMES[status] ?? 'Error';
}

/**
 * The server's error handler: a database outage is 503 with a sentence, any other unexpected failure is
 * logged whole and answered with a generic sentence, and a refusal Fastify raised itself (a body too
 * large, bad JSON) keeps its message, which is safe and useful.
 */
export function createErrorHandler() {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const status = statusOf(error);
    if (status === 500 && isDatabaseUnavailable(error)) {
      request.log.warn({ err: { code: error.code, message: error.message } }, 'database unavailable');
      return sendError(reply, 503, 'Service Unavailable', DATABASE_UNAVAILABLE_MESSAGE);
    }
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return sendError(reply, status, 'Internal Server Error', INTERNAL_ERROR_MESSAGE);
    }
    request.log.info({ err: { code: error.code, message: error.message } }, 'request rejected');
    return sendError(reply, status, httpName(status), error.message);
  };
}

/** Under /trpc: a refusal gets tRPC's shape (see `trpcShapedRefusal`); anything else goes to `fallback`. */
export function createTrpcErrorHandler(
  bodyLimit: number,
  fallback: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => unknown,
) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const status = statusOf(error);
    const message =
      status === 413
        ? `The request is larger than the server accepts (${formatByteLimit(bodyLimit)}).`
        : error.message;
    const refusal = status < 500 ? trpcShapedRefusal(request, status, message) : null;
    if (refusal === null) return fallback(error, request, reply);
    request.log.info({ err: { code: error.code, message: error.message } }, 'request rejected');
    return reply.code(status).send(refusal);
  };
}
