import {
  DomainError,
  getMembershipRole,
  getProjectWithRole,
  isDomainError,
  type ProjectRow,
  type Role,
  roleAtLeast,
} from '@raisin/db';
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError, z } from 'zod';
import type { Context } from './context';
import { domainCodeOf, domainDetailsOf, toTRPCError, toUnavailableError } from './errors';
import { idSchema, userIdSchema } from './schemas/common';

/**
 * A refused input as one readable sentence per problem, each naming its field (`name: Too small…`),
 * instead of Zod's JSON dump of its issues; `data.zodError` keeps them field by field.
 */
export function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.map(String).join('.') || '(input)'}: ${issue.message}`)
    .join('; ');
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    // Unexpected errors may carry SQL or stack details: clients get a generic message in production.
    const hideMessage = error.code === 'INTERNAL_SERVER_ERROR' && process.env.NODE_ENV === 'production';
    return {
      ...shape,
      message: hideMessage
        ? 'Internal server error'
        : error.cause instanceof ZodError
          ? describeZodError(error.cause)
          : shape.message,
      data: {
        ...shape.data,
        domainCode: domainCodeOf(error),
        domainDetails: domainDetailsOf(error),
        zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Turns domain errors thrown below (query functions, access checks) into tRPC errors via the table,
 * and a lost database connection into SERVICE_UNAVAILABLE (503).
 */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  if (isDomainError(result.error.cause)) throw toTRPCError(result.error.cause);
  const unavailable = toUnavailableError(result.error.cause);
  if (unavailable) throw unavailable;
  return result;
});

/**
 * Text PostgreSQL cannot store: U+0000 (text columns refuse it) or a lone UTF-16 surrogate (jsonb refuses
 * it).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unstorable = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);

/**
 * Whether a raw input holds unstorable text in a value or a key. Iterative, so depth cannot overflow, and
 * without building paths: it runs on every request, and a 1 MB body can hold hundreds of thousands of
 * strings.
 */
function holdsUnstorableText(input: unknown): boolean {
  const stack: unknown[] = [input];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (unstorable(value)) return true;
    } else if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        if (unstorable(key)) return true;
        stack.push(inner);
      }
    }
  }
  return false;
}

/** Where a raw input holds unstorable text (a path like `angle.name`), or null; slower, for the message. */
function unstorableTextPath(input: unknown): string | null {
  const stack: { value: unknown; path: string }[] = [{ value: input, path: '' }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value, path } = next;
    if (typeof value === 'string') {
      if (unstorable(value)) return path || '(input)';
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        const at = path === '' ? key : `${path}.${key}`;
        if (unstorable(key)) return at;
        stack.push({ value: inner, path: at });
      }
    }
  }
  return null;
}

/**
 * Such text would fail deep in a query as a 500 (or be stored garbled); no field of Raisin needs it, so
 * every procedure refuses it up front as a client error.
 */
const refuseUnstorableText = t.middleware(async ({ getRawInput, next }) => {
  const input = await getRawInput();
  if (holdsUnstorableText(input)) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `${unstorableTextPath(input) ?? '(input)'}: text must be valid Unicode without NUL characters`,
    });
  }
  return next();
});

export const publicProcedure = t.procedure.use(mapDomainErrors).use(refuseUnstorableText);

/** Requires a session; narrows `ctx.user` to non-null for everything after it. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first' });
  return next({ ctx: { user: ctx.user } });
});

function requireRole(role: Role | null, minimum: Role, notFound: () => DomainError): Role {
  // Not a member reads as "does not exist", so ids never reveal other teams' workspaces.
  // A factory: building an Error captures a stack trace, too costly to do on every request that passes.
  if (!role) throw notFound();
  if (!roleAtLeast(role, minimum)) {
    throw new DomainError('INSUFFICIENT_ROLE', `This needs the ${minimum} role; you are ${role}`);
  }
  return role;
}

const workspaceNotFound = () => new DomainError('WORKSPACE_NOT_FOUND', 'Workspace not found');
const projectNotFound = () => new DomainError('PROJECT_NOT_FOUND', 'Project not found');

/**
 * A procedure on one workspace, named by `workspaceId` in the input: the caller must be a member
 * with at least `minRole`. Handlers get `ctx.workspaceId` and `ctx.role` and never check roles.
 */
export function workspaceProcedure(minRole: Role) {
  return protectedProcedure.input(z.object({ workspaceId: idSchema })).use(async ({ ctx, input, next }) => {
    const role = await getMembershipRole(ctx.db, { workspaceId: input.workspaceId, userId: ctx.user.id });
    return next({
      ctx: { workspaceId: input.workspaceId, role: requireRole(role, minRole, workspaceNotFound) },
    });
  });
}

/**
 * A procedure about one member (`userId`) of a workspace: acting on oneself needs only membership
 * (e.g. leaving), acting on someone else needs `minRole`.
 */
export function memberProcedure(minRole: Role) {
  return protectedProcedure
    .input(z.object({ workspaceId: idSchema, userId: userIdSchema }))
    .use(async ({ ctx, input, next }) => {
      const role = await getMembershipRole(ctx.db, { workspaceId: input.workspaceId, userId: ctx.user.id });
      const needed = input.userId === ctx.user.id ? 'viewer' : minRole;
      return next({
        ctx: { workspaceId: input.workspaceId, role: requireRole(role, needed, workspaceNotFound) },
      });
    });
}

/**
 * A procedure on one project, named by `projectId`: loads the project and requires the caller's
 * role in its workspace to be at least `minRole`. Handlers get `ctx.project` and `ctx.role`.
 */
export function projectProcedure(minRole: Role) {
  return protectedProcedure.input(z.object({ projectId: idSchema })).use(async ({ ctx, input, next }) => {
    const found = await getProjectWithRole(ctx.db, { projectId: input.projectId, userId: ctx.user.id });
    if (!found) throw projectNotFound();
    const project: ProjectRow = found.project;
    return next({ ctx: { project, role: requireRole(found.role, minRole, projectNotFound) } });
  });
}

/**
 * The arguments of a project write: the procedure's validated input (zod drops unknown keys), on the
 * project the middleware resolved, by the signed-in user, whom the audit log names as its actor.
 */
export function projectWrite<Input extends object>(
  ctx: { project: { id: string }; user: { id: string } },
  input: Input,
): Input & { projectId: string; actorId: string } {
  return { ...input, projectId: ctx.project.id, actorId: ctx.user.id };
}

/** `projectWrite` for the queries whose audit entry also names the project's workspace. */
export function projectWriteInWorkspace<Input extends object>(
  ctx: { project: { id: string; workspaceId: string }; user: { id: string } },
  input: Input,
): Input & { projectId: string; workspaceId: string; actorId: string } {
  return { ...projectWrite(ctx, input), workspaceId: ctx.project.workspaceId };
}
