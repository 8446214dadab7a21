/**
 * `POST /trpc/portability.importJson` with a body limit of its own: a project file runs to megabytes, far
 * beyond RAISIN_BODY_LIMIT, which keeps guarding every other request. Fastify prefers this static route
 * to the tRPC plugin's `/trpc/:path`, and hands the request to the same tRPC handler, so the procedure,
 * its checks and its answers are the ones every other call gets. The procedure checks the file's size
 * itself; this limit only bounds what the server reads before it runs.
 */
import { type AppRouter, projectFileTooLargeMessage } from '@raisin/api';
import { type FastifyTRPCPluginOptions, fastifyRequestHandler } from '@trpc/server/adapters/fastify';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import type { FastifyError, FastifyInstance } from 'fastify';

const PATH = 'portability.importJson';

/**
 * The file travels as a JSON string, where escaping at most doubles it (`"`, `\` and line breaks take two
 * characters), so every file within the limit fits, whatever its layout.
 */
export function importBodyLimit(fileLimitBytes: number): number {
  return 2 * fileLimitBytes + 64 * 1024;
}

type TrpcOptions = FastifyTRPCPluginOptions<AppRouter>['trpcOptions'];

export async function registerProjectImportRoute(
  app: FastifyInstance,
  options: { trpcOptions: TrpcOptions; fileLimitBytes: number },
): Promise<void> {
  const bodyLimit = importBodyLimit(options.fileLimitBytes);
  await app.register(async (scope) => {
    // As the tRPC plugin does in its own scope: tRPC parses the body text itself.
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) =>
      done(null, body),
    );
    // A body over the limit never reaches tRPC; answer in tRPC's shape so the client reads the code.
    scope.setErrorHandler<FastifyError>((error, request, reply) => {
      if (error.statusCode !== 413) throw error;
      const shape = {
        message: projectFileTooLargeMessage(options.fileLimitBytes),
        code: TRPC_ERROR_CODES_BY_KEY.PAYLOAD_TOO_LARGE,
        data: {
          code: 'PAYLOAD_TOO_LARGE',
          httpStatus: 413,
          path: PATH,
          domainCode: 'PROJECT_FILE_TOO_LARGE',
        },
      };
      request.log.info({ bodyLimit }, 'project file refused: body too large');
      const batched = (request.query as Record<string, unknown>).batch === '1';
      return reply.code(413).send(batched ? [{ error: shape }] : { error: shape });
    });
    scope.post(`/trpc/${PATH}`, { bodyLimit }, async (request, reply) => {
      await fastifyRequestHandler({ ...options.trpcOptions, req: request, res: reply, path: PATH });
    });
  });
}
