import {
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from './auth';
import { workspace } from './workspaces';

export const project = pgTable(
  'project',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspace.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    archived: boolean('archived').notNull().default(false),
    /** Krippendorff's α below which a labeled batch is marked on the Agreement trend; null: no threshold. */
    agreementThreshold: doublePrecision('agreement_threshold'),
    // Optimistic concurrency: every update names the version it read and bumps it.
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('project_workspace_id_idx').on(t.workspaceId, t.updatedAt),
    index('project_created_by_idx').on(t.createdBy),
    index('project_updated_by_idx').on(t.updatedBy),
  ],
);

/**
 * The first columns of a row among the many a project owns (a sample, a report version, an attack angle, a
 * measured point): its own random id, and the project, whose deletion removes the row. Fresh builders for
 * each table: `...projectOwnedRow()`.
 */
export const projectOwnedRow = () => ({
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: uuid('project_id')
    .notNull()
    .references(() => project.id, { onDelete: 'cascade' }),
});
