/**
 * The answer to an agreement upload, as NDJSON lines on the upload's own HTTP response: progress
 * lines, then one last line, `done` or `error`.
 *
 * Why on the same response: whichever instance behind the load balancer took the upload is the one
 * parsing and scoring it, and it reports on the exchange the client already holds open. Nothing is
 * shared between instances (RELIABILITY.md, "In-process state"): no job row written per step, no polling endpoint that could land
 * on another instance, no abandoned jobs to clean up. A client that leaves closes the response, which is
 * also how the server learns to stop the job's worker.
 *
 * Until `open`, nothing is sent and a failure is an HTTP status (400 with the line of a malformed file,
 * 413…). Clients that accept `application/x-ndjson` get the stream opened as soon as the file arrives,
 * so that they see it read and scored; a failure is then their last line, with the same fields.
 */
import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';

export type UploadPhase = 'reading' | 'scoring' | 'coefficients' | 'bootstrap' | 'saving';

export interface ProgressLine {
  readonly type: 'progress';
  readonly phase: UploadPhase;
  /** Bytes read or steps taken, of `total` (`null`: a body of unknown length). */
  readonly done?: number;
  readonly total?: number | null;
  readonly annotations?: number;
  readonly items?: number;
}

/** Whether the client asked to follow the upload from its first byte. */
export function wantsProgress(accept: string | undefined): boolean {
  return accept !== undefined && /\bapplication\/x-ndjson\b/i.test(accept);
}

export class UploadAnswer {
  private body: PassThrough | null = null;
  private shown: { phase: UploadPhase; percent: number } | null = null;

  constructor(private readonly reply: FastifyReply) {}

  get isOpen(): boolean {
    return this.body !== null;
  }

  /** Commits to 200 and NDJSON; from now on a failure is the last line, not a status. */
  open(): void {
    if (this.body !== null) return;
    this.body = new PassThrough();
    void this.reply
      .code(200)
      .type('application/x-ndjson; charset=utf-8')
      .header('cache-control', 'no-store')
      // nginx would otherwise buffer the lines and deliver them all with the last one.
      .header('x-accel-buffering', 'no')
      .send(this.body);
  }

  /**
   * A progress line, if the stream is open and the line would change what the client shows: a new
   * phase, or another whole percent (a 10M-cell upload would otherwise send thousands of lines).
   */
  progress(line: ProgressLine): void {
    if (this.body === null) return;
    const { phase, done, total } = line;
    const percent =
      done === undefined || total === undefined || total === null || total <= 0
        ? (done ?? 0)
        : Math.floor((done / total) * 100);
    if (this.shown?.phase === phase && this.shown.percent === percent) return;
    this.shown = { phase, percent };
    this.body.write(`${JSON.stringify(line)}\n`);
  }

  /** The last line, after which the response ends. Opens the stream if it is not yet. */
  end(line: object): FastifyReply {
    this.open();
    this.body?.end(`${JSON.stringify(line)}\n`);
    return this.reply;
  }

  /** A refusal: its status and JSON body before `open`, else the same fields as the last line. */
  fail(status: number, error: string, message: string, extra: object = {}): FastifyReply {
    const body = { error, message, requestId: this.reply.request.id, ...extra };
    if (this.body === null) return this.reply.code(status).send(body);
    return this.end({ type: 'error', status, ...body });
  }
}
