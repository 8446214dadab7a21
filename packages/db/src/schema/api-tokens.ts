import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Role } from '../roles';
import { user } from './auth';
import { workspace } from './workspaces';

/** The roles a token may carry: never owner (a token manages no members, tokens or workspaces). */
export const API_TOKEN_ROLES = ['editor', 'viewer'] as const satisfies readonly Role[];
export type ApiTokenRole = (typeof API_TOKEN_ROLES)[number];

/**
 * A named bearer token for the REST API, scoped to one workspace with a role no higher than its creator's.
 * Only the SHA-256 of the token is stored; the token itself is shown once. Revoked tokens stay (revoked_at
 * set) so the samples they pushed keep the token's name and the workspace keeps its history.
 */
export const apiToken = pgTable(
  'api_token',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspace.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role').$type<ApiTokenRole>().notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    // Nullable so deleting an account keeps its workspaces' history; such a token no longer works.
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    /** Written at most about once a second per instance (queries/api-tokens.ts), never on the request. */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: text('revoked_by').references(() => user.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('api_token_workspace_idx').on(t.workspaceId, t.createdAt),
    index('api_token_created_by_idx').on(t.createdBy),
    index('api_token_revoked_by_idx').on(t.revokedBy),
    check('api_token_role_check', sql.raw(`role in ('editor', 'viewer')`)),
  ],
);
