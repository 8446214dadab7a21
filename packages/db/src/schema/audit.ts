import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { workspace } from './workspaces';

export type AuditDetails = Record<string, unknown>;

export const auditLog = pgTable(
  'audit_log',
  {
    // An identity column orders entries written in the same millisecond.
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    // Set null (not cascade) so the record of a deleted workspace outlives it; entityId keeps its id.
    workspaceId: uuid('workspace_id').references(() => workspace.id, { onDelete: 'set null' }),
    actorId: text('actor_id').references(() => user.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    details: jsonb('details').$type<AuditDetails>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_log_workspace_id_at_idx').on(t.workspaceId, t.at),
    index('audit_log_actor_id_idx').on(t.actorId),
  ],
);
