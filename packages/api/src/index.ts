import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './root';

export * from './agreement';
export { type Context, type CreateContextOptions, createContextInner, type SessionUser } from './context';
export { DATABASE_UNAVAILABLE_MESSAGE, DOMAIN_TO_TRPC_CODE, toUnavailableError } from './errors';
export { type AppRouter, appRouter, createCaller } from './root';
export { type AgreementSampleDto, toSampleDto } from './routers';
export { projectFileTooLargeMessage } from './schemas';
export { createCallerFactory } from './trpc';

/** Procedure inputs and outputs by path, e.g. `RouterOutputs['projects']['get']`. */
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
