// The real server process: structured JSON logs carrying request ids, and a SIGTERM that lets a request
// already in flight finish (and its write land) before the process exits 0.
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  call,
  isRunning,
  type Running,
  serverDatabaseKinds,
  signUp,
  startServer,
  trpcData,
  trpcQuery,
} from './server-process';

type LogLine = Record<string, unknown>;

/**
 * Every complete line the server printed, each parsed as JSON (a line that is not JSON fails the test),
 * except Node's own process warnings on stderr ("(node:123) …"), which are not the server's logs.
 */
function logLines(server: Running): LogLine[] {
  const output = server.output();
  return output
    .slice(0, output.lastIndexOf('\n') + 1)
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('(node:'))
    .map((line) => JSON.parse(line) as LogLine);
}

/** Resolves with the first log line matching `wanted`, once printed (the test's timeout bounds the wait). */
async function waitForLog(server: Running, wanted: (line: LogLine) => boolean): Promise<LogLine> {
  for (;;) {
    const found = logLines(server).find(wanted);
    if (found) return found;
    if (server.process.exitCode !== null || server.process.signalCode !== null)
      throw new Error(`server exited while waiting:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * A JSON POST whose body is sent in two halves: `sendRest` sends the second one. Until then the
 * request is in flight on the server (headers read, body pending).
 */
function halfSentPost(server: Running, path: string, body: unknown, headers: Record<string, string>) {
  const bytes = Buffer.from(JSON.stringify(body));
  const half = Math.floor(bytes.length / 2);
  const url = new URL(path, server.origin);
  const req = httpRequest(url, {
    method: 'POST',
    headers: {
      ...headers,
      origin: server.origin,
      'content-type': 'application/json',
      'content-length': String(bytes.length),
    },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.once('error', reject);
    req.once('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
      });
      response.once('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
  });
  req.write(bytes.subarray(0, half));
  return {
    answer,
    sendRest: () => {
      req.end(bytes.subarray(half));
    },
  };
}

describe('server process lifecycle', () => {
  const [pglite] = serverDatabaseKinds();
  if (!pglite) throw new Error('no PGlite database kind');

  it('logs JSON lines with request ids, and finishes an in-flight request on SIGTERM before exiting 0', {
    timeout: 180_000,
  }, async () => {
    await pglite.use(async (database) => {
      let server = await startServer(database.env);
      try {
        const client = await signUp(server.origin, 'lifecycle');

        // Logs: one JSON object per line; each request's lines carry its id, and paths drop the query
        // string (tRPC GET inputs may hold invitation tokens).
        const secretToken = `token-${randomBytes(16).toString('hex')}`;
        const previewId = `preview-${randomBytes(6).toString('hex')}`;
        const preview = await fetch(
          `${server.origin}/trpc/invitations.preview${trpcQuery({ token: secretToken })}`,
          { headers: { cookie: client.cookie, 'x-request-id': previewId } },
        );
        expect(preview.status).toBe(404);
        expect(preview.headers.get('x-request-id')).toBe(previewId);
        const completed = await waitForLog(
          server,
          (line) => line.reqId === previewId && line.msg === 'request completed',
        );
        expect(completed.res).toMatchObject({ statusCode: 404 });
        const incoming = logLines(server).find(
          (line) => line.reqId === previewId && line.msg === 'incoming request',
        );
        expect(incoming?.req).toMatchObject({ method: 'GET', path: '/trpc/invitations.preview' });
        expect(server.output()).not.toContain(secretToken);

        // Graceful shutdown: a request whose body is still arriving when SIGTERM lands completes.
        const inFlightId = `inflight-${randomBytes(6).toString('hex')}`;
        const inFlight = halfSentPost(
          server,
          '/trpc/workspaces.create',
          { name: 'Created during shutdown' },
          { cookie: client.cookie, 'x-request-id': inFlightId },
        );
        await waitForLog(server, (line) => line.reqId === inFlightId && line.msg === 'incoming request');
        server.process.kill('SIGTERM');
        await waitForLog(server, (line) => line.signal === 'SIGTERM');
        inFlight.sendRest();
        const answer = await inFlight.answer;
        expect(answer.status).toBe(200);
        const created = (JSON.parse(answer.body) as { result: { data: { id: string } } }).result.data;
        expect(await server.exited).toEqual({ code: 0, signal: null });

        // Its write was committed before the database closed.
        server = await startServer(database.env);
        const workspaces = trpcData<Array<{ id: string; name: string }>>(
          await call(server.origin, client, '/trpc/workspaces.list'),
        );
        expect(workspaces).toEqual([
          expect.objectContaining({ id: created.id, name: 'Created during shutdown' }),
        ]);
      } finally {
        if (isRunning(server)) server.process.kill('SIGKILL');
      }
    });
  });
});
