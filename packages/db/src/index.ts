export {
  type CreateDbOptions,
  checkMigrationsApplied,
  createDb,
  type Db,
  type DbHandle,
  type Driver,
  MIGRATIONS_FOLDER,
  type MigrationStatus,
  migrateDb,
  relaxedCommit,
  type Schema,
} from './client';
export { DOMAIN_ERROR_CODES, DomainError, type DomainErrorCode, isDomainError } from './errors';
export * from './queries';
export { isRole, ROLES, type Role, roleAtLeast } from './roles';
// The tables, for the server's better-auth drizzle adapter (`drizzleAdapter(db, { provider: 'pg', schema })`).
export * as schema from './schema';
export { API_TOKEN_ROLES, type ApiTokenRole } from './schema/api-tokens';
export { REPORT_DECISIONS, type ReportDecisionKind } from './schema/report';
export { generateSecretToken, hashSecretToken } from './secret-tokens';
export { isDatabaseUnavailable } from './unavailable';
