/**
 * `GET /trpc/report.shared` for share-link viewers, without tRPC's Fetch adapter. tRPC's handler turns
 * each call into a Fetch `Request` (with an AbortController), answers with a `Response`, and the server
 * then reads that back as text (`asJsonWithoutStacks`): most of this call's CPU apart from its one query.
 * Here the procedure runs through tRPC's server-side caller (the same middlewares, input schema and
 * error mapping) and its answer is written as tRPC writes it, `{"result":{"data":…}}` (in an array for a
 * batch of one, as the web app's share page asks), with the same status and headers.
 *
 * Only the plain case runs here: no cookie (a signed-in member's request reads its session as every
 * tRPC call does), a query of `input=` alone or `batch=1&input=` holding a JSON object, and no header
 * that changes how tRPC reads or answers a request (content type, streaming accept). Anything else goes
 * to the tRPC handler untouched, before anything has run. A call that fails is answered by tRPC's own
 * `resolveResponse`, handed the error instead of running the procedure a second time (which would count
 * a failed lookup twice against the client's limit): the error shape, status, headers and `onError` log
 * are tRPC's. `apps/server/test/shared-report-route.test.ts` compares both paths byte for byte.
 */
import { type AppRouter, type Context, createCaller } from '@raisin/api';
import { getTRPCErrorFromUnknown } from '@trpc/server';
import { type FastifyTRPCPluginOptions, fastifyRequestHandler } from '@trpc/server/adapters/fastify';
import { incomingMessageToRequest } from '@trpc/server/adapters/node-http';
import { resolveResponse } from '@trpc/server/http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const PATH = 'report.shared';
/** tRPC's headers on every answer to a query (`resolveResponse`). */
const VARY = 'trpc-accept, accept';

type TrpcOptions = FastifyTRPCPluginOptions<AppRouter>['trpcOptions'];

/** A call the direct path answers: its raw input, and whether it came as a batch of one (the web app's). */
export interface DirectCall {
  readonly input: Record<string, unknown>;
  readonly batch: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The call a request holds when the direct path may answer it, or null when tRPC's handler must (see the
 * module comment): `?input=<json>`, or `?batch=1&input=<json>` as tRPC's batch link sends a batch of one.
 * Decoded as `URLSearchParams` decodes (`+` is a space); JSON parsed as tRPC parses it.
 */
export function directCall(request: FastifyRequest): DirectCall | null {
  const { headers, url } = request;
  if (
    headers.cookie !== undefined ||
    headers['content-type'] !== undefined ||
    headers['trpc-accept'] !== undefined ||
    headers.accept?.includes('jsonl') === true
  )
    return null;
  const query = url.indexOf('?') + 1;
  if (query === 0) return null;
  const batch = url.startsWith('batch=1&', query);
  const start = query + (batch ? 'batch=1&'.length : 0);
  if (!url.startsWith('input=', start)) return null;
  const encoded = url.slice(start + 'input='.length);
  if (encoded === '' || encoded.includes('&') || encoded.includes('#')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeURIComponent(encoded.replaceAll('+', ' ')));
  } catch {
    return null;
  }
  const input = batch && isRecord(parsed) ? parsed[0] : parsed;
  return isRecord(input) ? { input, batch } : null;
}

export function registerSharedReportRoute(
  app: FastifyInstance,
  options: {
    trpcOptions: TrpcOptions;
    /** The context a tRPC call of this request gets, for a caller without a session. */
    anonymousContext: (request: FastifyRequest) => Context;
  },
): void {
  const { trpcOptions } = options;
  const config = trpcOptions.router._def._config;
  const viaTrpc = (request: FastifyRequest, reply: FastifyReply) =>
    fastifyRequestHandler({ ...trpcOptions, req: request, res: reply, path: PATH });

  // HEAD stays with the tRPC plugin's route, which answers it as tRPC does.
  app.get(`/trpc/${PATH}`, { exposeHeadRoute: false }, async (request, reply) => {
    const call = directCall(request);
    if (call === null) return viaTrpc(request, reply);
    const ctx = options.anonymousContext(request);
    let data: unknown;
    try {
      data = await createCaller(ctx).report.shared(config.transformer.input.deserialize(call.input));
    } catch (cause) {
      const response = await resolveResponse({
        ...trpcOptions,
        req: incomingMessageToRequest(request.raw, reply.raw, { maxBodySize: null }),
        path: PATH,
        error: getTRPCErrorFromUnknown(cause),
        createContext: async () => ctx,
        onError: (failure) => trpcOptions.onError?.({ ...failure, req: request }),
      });
      return reply.send(response);
    }
    const answer = { result: { data: config.transformer.output.serialize(data) } };
    // In the order the tRPC path sets them (Fetch headers iterate sorted by name). Through a serializer,
    // not as a string, which Fastify would label `application/json; charset=utf-8`: tRPC's type has no charset.
    return reply
      .header('content-type', 'application/json')
      .header('vary', VARY)
      .serializer((body: unknown) => JSON.stringify(body))
      .send(call.batch ? [answer] : answer);
  });
}
