import type { Answer } from '@raisin/core/worksheet';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from './auth';
import { project } from './projects';

/**
 * One row per (project, question): the current answer. A cleared answer keeps its row with a null value,
 * so its version keeps counting up and a client holding an old version can never write over a newer one.
 */
export const worksheetAnswer = pgTable(
  'worksheet_answer',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    // A question-bank id (e.g. `E.target-quality`): stable across bank versions, so no foreign key.
    questionId: text('question_id').notNull(),
    value: jsonb('value').$type<Answer>(),
    // Optimistic concurrency per answer: a save names the version it was based on (0: no answer yet).
    version: integer('version').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.questionId] }),
    index('worksheet_answer_updated_by_idx').on(t.updatedBy),
  ],
);

/** Every change of an answer: who, when, from what to what. Restoring an entry is a new change. */
export const worksheetAnswerHistory = pgTable(
  'worksheet_answer_history',
  {
    // An identity column orders changes made in the same millisecond.
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    /** The answer's version after this change. */
    version: integer('version').notNull(),
    oldValue: jsonb('old_value').$type<Answer>(),
    newValue: jsonb('new_value').$type<Answer>(),
    actorId: text('actor_id').references(() => user.id, { onDelete: 'set null' }),
    /** Set when the change restored the value of an earlier entry. */
    restoredFromId: bigint('restored_from_id', { mode: 'number' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('worksheet_answer_history_project_idx').on(t.projectId, t.id),
    index('worksheet_answer_history_question_idx').on(t.projectId, t.questionId, t.id),
    index('worksheet_answer_history_actor_id_idx').on(t.actorId),
  ],
);
