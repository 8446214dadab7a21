import type { Db } from '@raisin/db';
import { type AgreementScorer, inProcessAgreementScorer } from './agreement';
import { PROJECT_FILE_LIMIT_BYTES } from './schemas';

/** The signed-in user as the server reads it from the better-auth session. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

export interface CreateContextOptions {
  db: Db;
  user: SessionUser | null;
  /** Correlates log lines of one request. */
  requestId: string;
  /** The public origin (e.g. `https://raisin.example`), for building links; absent in tests. */
  baseUrl?: string | undefined;
  /** Re-scores agreement samples; the server passes a worker-thread one (default: in process). */
  agreementScorer?: AgreementScorer | undefined;
  /** The client's address (behind trusted proxies: from X-Forwarded-For), for per-client rate limits. */
  clientIp?: string | undefined;
  /** Largest project file an import reads, in bytes (default `PROJECT_FILE_LIMIT_BYTES`). */
  projectFileLimit?: number | undefined;
}

export interface Context {
  db: Db;
  user: SessionUser | null;
  requestId: string;
  baseUrl: string | null;
  agreementScorer: AgreementScorer;
  clientIp: string | null;
  projectFileLimit: number;
}

/**
 * Builds the context without HTTP: the server calls it with the session's user, tests call it
 * directly with a seeded user (model: trpc examples/next-prisma-starter `createContextInner`).
 */
export function createContextInner(options: CreateContextOptions): Context {
  return {
    db: options.db,
    user: options.user,
    requestId: options.requestId,
    baseUrl: options.baseUrl ?? null,
    agreementScorer: options.agreementScorer ?? inProcessAgreementScorer,
    clientIp: options.clientIp ?? null,
    projectFileLimit: options.projectFileLimit ?? PROJECT_FILE_LIMIT_BYTES,
  };
}
