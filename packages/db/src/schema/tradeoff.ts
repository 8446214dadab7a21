import type {
  CostRate,
  Duration,
  EffortEstimate,
  ThreePointEstimate,
  TradeoffSettings,
  TradeoffSummary,
} from '@raisin/core';

export type { TradeoffSettings, TradeoffValueSettings } from '@raisin/core';

import { sql } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from './auth';
import { project, projectOwnedRow } from './projects';

/** One row per project once its Tradeoff tab was opened: the settings, versioned as a whole. */
export const tradeoffSettings = pgTable('tradeoff_settings', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => project.id, { onDelete: 'cascade' }),
  settings: jsonb('settings').$type<TradeoffSettings>().notNull(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
});

/**
 * A project's tradeoff summary (time to target P10/P50/P90, best angle) as last computed, with the hash of
 * the inputs it was computed from. The simulation behind it takes tens of milliseconds, so a list of many
 * projects (the portfolio) reads it from here instead of simulating each project; an entry whose key no
 * longer matches the project's inputs is recomputed, so a stale row is never shown. Not project data: it
 * is neither exported nor versioned, and any row can be deleted.
 */
export const tradeoffSummary = pgTable('tradeoff_summary', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => project.id, { onDelete: 'cascade' }),
  inputsKey: text('inputs_key').notNull(),
  summary: jsonb('summary').$type<TradeoffSummary>().notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * An attack angle with its three-point estimates. One row per angle (not one document per project), so
 * two people editing different angles never conflict; each row has its own version.
 */
export const attackAngle = pgTable(
  'attack_angle',
  {
    ...projectOwnedRow(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    effort: jsonb('effort').$type<EffortEstimate>().notNull(),
    quality: jsonb('quality').$type<ThreePointEstimate>().notNull(),
    costRate: jsonb('cost_rate').$type<CostRate>(),
    riskNotes: text('risk_notes').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
  },
  (t) => [index('attack_angle_project_idx').on(t.projectId, t.position)],
);

/** A quality measured after some effort, given as the effort spent or as the date it was measured. */
export const measuredPoint = pgTable(
  'measured_point',
  {
    ...projectOwnedRow(),
    effort: jsonb('effort').$type<Duration>(),
    measuredOn: date('measured_on', { mode: 'string' }),
    quality: doublePrecision('quality').notNull(),
    label: text('label').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('measured_point_project_idx').on(t.projectId),
    check('measured_point_when_check', sql`${t.effort} is not null or ${t.measuredOn} is not null`),
  ],
);
