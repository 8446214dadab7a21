import { isIP } from 'node:net';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The monorepo root, three levels above this file (apps/server/src). */
export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Every IPv6 and (dual-stack) IPv4 address; main.ts falls back to 0.0.0.0 where IPv6 is off. */
export const DEFAULT_HOST = '::';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Fastify's `trustProxy`: off, on (trust every hop), a hop count, or the addresses/CIDRs of trusted proxies. */
export type TrustProxy = boolean | number | string[];

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Absolute folder of the embedded PGlite database; unused when `databaseUrl` is set. */
  readonly dataDir: string;
  readonly databaseUrl?: string;
  /**
   * Origin (scheme://host[:port], no trailing slash) users open Raisin at: links, cookie security and the
   * CSRF check use it. Null (RAISIN_PUBLIC_URL unset): each request's own origin, the scheme, host and port
   * it was made to, so localhost, 127.0.0.1, [::1] and a LAN address all work.
   */
  readonly publicUrl: string | null;
  /** When absent the secret is generated once and kept in the database, so every instance shares it. */
  readonly authSecret?: string;
  readonly bodyLimit: number;
  /** Largest labeled-sample upload (multipart file), in bytes. */
  readonly uploadLimit: number;
  /** Largest project file "Import project" reads, in bytes. */
  readonly importLimit: number;
  readonly trustProxy: TrustProxy;
  /** REST API requests per minute per API token, counted in the database across instances. */
  readonly apiRateLimit: number;
  readonly logLevel: LogLevel;
  /** Absolute folder of the built web app (Vite's output). */
  readonly webDist: string;
}

/** One row per environment variable, for the README and `--help`-style listings. */
export const CONFIG_VARIABLES = [
  { name: 'PORT', default: '3000', description: 'TCP port to listen on.' },
  {
    name: 'HOST',
    default: '::',
    description:
      'Interface to bind; the default takes every IPv6 and IPv4 address (0.0.0.0 where IPv6 is off).',
  },
  {
    name: 'RAISIN_DATA_DIR',
    default: './data',
    description:
      'Folder of the embedded PGlite database (relative paths resolve against INIT_CWD or the repo root).',
  },
  {
    name: 'DATABASE_URL',
    default: '(unset: embedded PGlite)',
    description: 'PostgreSQL connection string; when set, RAISIN_DATA_DIR is unused.',
  },
  {
    name: 'RAISIN_PUBLIC_URL',
    default: '(unset: the address each request was made to)',
    description:
      'Public origin users open: links, Secure cookies when https, and the only Origin the CSRF check accepts.',
  },
  {
    name: 'RAISIN_AUTH_SECRET',
    default: '(generated once, stored in the database)',
    description: 'Secret signing session cookies; at least 32 characters.',
  },
  {
    name: 'RAISIN_BODY_LIMIT',
    default: '1mb',
    description: 'Largest JSON request body, in bytes or with a kb/mb suffix.',
  },
  {
    name: 'RAISIN_UPLOAD_LIMIT',
    default: '200mb',
    description: 'Largest labeled-sample upload on the Agreement tab, in bytes or with a kb/mb suffix.',
  },
  {
    name: 'RAISIN_IMPORT_LIMIT',
    default: '20mb',
    description: 'Largest project file Import project reads, in bytes or with a kb/mb suffix.',
  },
  {
    name: 'RAISIN_TRUST_PROXY',
    default: 'false',
    description:
      'Behind a reverse proxy: true, a hop count, or a comma list of proxy addresses/CIDRs; X-Forwarded-For, -Host and -Proto are read only from those.',
  },
  {
    name: 'RAISIN_API_RATE_LIMIT',
    default: '600',
    description: 'REST API requests per minute per API token (all instances together); over it, 429.',
  },
  { name: 'LOG_LEVEL', default: 'info', description: `One of ${LOG_LEVELS.join(', ')}.` },
  {
    name: 'RAISIN_WEB_DIST',
    default: 'apps/web/dist',
    description: 'Folder of the built web app served at /.',
  },
] as const;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const BYTES_PATTERN = /^(\d+)\s*(b|kb|mb)?$/i;
const BYTE_UNITS = { b: 1, kb: 1024, mb: 1024 * 1024 } as const;

function parseBytes(value: string, ctx: z.RefinementCtx): number {
  const match = BYTES_PATTERN.exec(value.trim());
  const digits = match?.[1];
  if (match === null || digits === undefined) {
    ctx.addIssue({ code: 'custom', message: 'expected a byte count such as 1048576, 512kb or 1mb' });
    return z.NEVER;
  }
  const unit = (match[2]?.toLowerCase() ?? 'b') as keyof typeof BYTE_UNITS;
  const bytes = Number(digits) * BYTE_UNITS[unit];
  if (bytes < 1024) {
    ctx.addIssue({ code: 'custom', message: 'must be at least 1kb' });
    return z.NEVER;
  }
  return bytes;
}

// The names Fastify's proxy-addr accepts besides addresses and ranges.
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, a CIDR range (`10.0.0.0/8`, `fd00::/8`), an IPv4 netmask range or a range name. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', range, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (range === undefined) return true;
  if (/^\d{1,3}$/.test(range)) return Number(range) <= (family === 4 ? 32 : 128);
  return family === 4 && isIP(range) === 4;
}

function parseTrustProxy(value: string, ctx: z.RefinementCtx): TrustProxy {
  const trimmed = value.trim().toLowerCase();
  if (trimmed === 'true') return true;
  if (trimmed === 'false' || trimmed === '') return false;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const entries = trimmed
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  // Checked here: Fastify would otherwise fail at start-up with a stack trace naming no variable.
  const invalid = entries.filter((entry) => !isProxyAddress(entry));
  if (invalid.length > 0) {
    ctx.addIssue({
      code: 'custom',
      message: `expected true, false, a hop count or a comma list of addresses/CIDRs; not an address: ${invalid.join(', ')}`,
    });
    return z.NEVER;
  }
  return entries;
}

function parsePublicUrl(value: string, ctx: z.RefinementCtx): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'expected an absolute URL such as https://raisin.example.com' });
    return z.NEVER;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    ctx.addIssue({ code: 'custom', message: 'must use http or https' });
    return z.NEVER;
  }
  // The CSRF check compares Origin headers to this value, and browsers send origins without a path.
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    ctx.addIssue({
      code: 'custom',
      message: 'must be an origin without a path, e.g. https://raisin.example.com',
    });
    return z.NEVER;
  }
  return url.origin;
}

// Deployment tools often export unset variables as empty strings; treat those as unset.
const optionalString = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.string().optional(),
);

const envSchema = z.object({
  PORT: optionalString.pipe(z.coerce.number<string | undefined>().int().min(0).max(65535).default(3000)),
  HOST: optionalString.pipe(z.string().default(DEFAULT_HOST)),
  RAISIN_DATA_DIR: optionalString.pipe(z.string().default('./data')),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// connection string')
      .optional(),
  ),
  RAISIN_PUBLIC_URL: optionalString.pipe(z.string().transform(parsePublicUrl).optional()),
  RAISIN_AUTH_SECRET: optionalString.pipe(
    z.string().min(32, 'must be at least 32 characters (try `openssl rand -base64 32`)').optional(),
  ),
  RAISIN_BODY_LIMIT: optionalString.pipe(z.string().default('1mb').transform(parseBytes)),
  RAISIN_UPLOAD_LIMIT: optionalString.pipe(z.string().default('200mb').transform(parseBytes)),
  RAISIN_IMPORT_LIMIT: optionalString.pipe(z.string().default('20mb').transform(parseBytes)),
  RAISIN_TRUST_PROXY: optionalString.pipe(z.string().default('false').transform(parseTrustProxy)),
  RAISIN_API_RATE_LIMIT: optionalString.pipe(
    z.coerce.number<string | undefined>().int().min(1).max(1_000_000_000).default(600),
  ),
  LOG_LEVEL: optionalString.pipe(z.enum(LOG_LEVELS).default('info')),
  RAISIN_WEB_DIST: optionalString.pipe(z.string().default(join('apps', 'web', 'dist'))),
  // npm sets INIT_CWD to the folder `npm` was run from; `npm run -w` changes the cwd to the workspace.
  INIT_CWD: optionalString,
});

/**
 * Reads the server configuration from environment variables, validating every value.
 * Relative paths resolve against `INIT_CWD` (set by npm) or the repo root, never the process cwd.
 * @throws ConfigError naming each invalid variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const base = e.INIT_CWD ?? REPO_ROOT;
  const resolvePath = (p: string): string => (isAbsolute(p) ? p : resolve(base, p));
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolvePath(e.RAISIN_DATA_DIR),
    ...(e.DATABASE_URL === undefined ? {} : { databaseUrl: e.DATABASE_URL }),
    publicUrl: e.RAISIN_PUBLIC_URL ?? null,
    ...(e.RAISIN_AUTH_SECRET === undefined ? {} : { authSecret: e.RAISIN_AUTH_SECRET }),
    bodyLimit: e.RAISIN_BODY_LIMIT,
    uploadLimit: e.RAISIN_UPLOAD_LIMIT,
    importLimit: e.RAISIN_IMPORT_LIMIT,
    trustProxy: e.RAISIN_TRUST_PROXY,
    apiRateLimit: e.RAISIN_API_RATE_LIMIT,
    logLevel: e.LOG_LEVEL,
    // The web build lives in the repo, so a relative default resolves against the repo root whatever INIT_CWD is.
    webDist: isAbsolute(e.RAISIN_WEB_DIST)
      ? e.RAISIN_WEB_DIST
      : resolve(env.RAISIN_WEB_DIST ? base : REPO_ROOT, e.RAISIN_WEB_DIST),
  };
}
