import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Role } from '../roles';
import { user } from './auth';

const roleCheck = (column: string) => sql.raw(`${column} in ('owner', 'editor', 'viewer')`);

export const workspace = pgTable(
  'workspace',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    // Nullable so deleting a user account does not delete the workspaces they started.
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
  },
  (t) => [index('workspace_created_by_idx').on(t.createdBy)],
);

export const membership = pgTable(
  'membership',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspace.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    role: text('role').$type<Role>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.userId] }),
    // The primary key serves lookups by workspace; this one serves "my workspaces".
    index('membership_user_id_idx').on(t.userId),
    check('membership_role_check', roleCheck('role')),
  ],
);

export const invitation = pgTable(
  'invitation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspace.id, { onDelete: 'cascade' }),
    // Stored lower-cased: acceptance compares it with the signed-in user's email case-insensitively.
    email: text('email').notNull(),
    role: text('role').$type<Role>().notNull(),
    // SHA-256 of the token; the raw token is shown once and never stored.
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: text('accepted_by').references(() => user.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    invitedBy: text('invited_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('invitation_workspace_id_idx').on(t.workspaceId, t.createdAt),
    index('invitation_invited_by_idx').on(t.invitedBy),
    index('invitation_accepted_by_idx').on(t.acceptedBy),
    check('invitation_role_check', roleCheck('role')),
  ],
);
