import type { MaturityAnswer, MergeConflict, Roadmap } from '@raisin/core';
import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { project } from './projects';

/** One MLOps maturity self-assessment per project: answers keyed by the stable item id. */
export const maturityAssessment = pgTable(
  'maturity_assessment',
  {
    projectId: uuid('project_id')
      .primaryKey()
      .references(() => project.id, { onDelete: 'cascade' }),
    // The item set the answers were given against (MATURITY_ITEMS_VERSION), so a later item set can
    // tell which answers predate it.
    itemsVersion: integer('items_version').notNull(),
    answers: jsonb('answers').$type<Record<string, MaturityAnswer>>().notNull().default({}),
    // A person may plan for another level than the worksheet suggests, but only with a reason.
    targetOverrideLevel: integer('target_override_level'),
    targetOverrideReason: text('target_override_reason'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
  },
  (t) => [
    check(
      'maturity_assessment_override_check',
      sql`(${t.targetOverrideLevel} is null and ${t.targetOverrideReason} is null) or (${t.targetOverrideLevel} in (0, 1, 2) and ${t.targetOverrideReason} is not null)`,
    ),
  ],
);

/**
 * One roadmap per project, stored whole: the core's `Roadmap` (plan, manual edits, computed dates) is
 * the unit every edit replaces, so a row-per-phase layout would only add joins.
 */
export const roadmap = pgTable('roadmap', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => project.id, { onDelete: 'cascade' }),
  data: jsonb('data').$type<Roadmap>().notNull(),
  // Conflicts left by the last regeneration until a person settles them; kept so a reload still asks.
  pendingConflicts: jsonb('pending_conflicts').$type<MergeConflict[]>().notNull().default([]),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
});
