import type { CostRate, Duration, EffortEstimate, ThreePointEstimate } from '@raisin/core';
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
import { project } from './projects';

/** How quality turns into money in the ROI table (see `ValueModel` in `@raisin/core`). */
export interface TradeoffValueSettings {
  readonly mode: 'per-quality-point' | 'per-error-avoided';
  /** Money per percentage point of the metric's range (per-quality-point). */
  readonly valuePerPoint: number | null;
  /** Money per error avoided (per-error-avoided). */
  readonly costPerError: number | null;
  /** Predictions the value is counted over, e.g. a year of traffic (per-error-avoided). */
  readonly volume: number | null;
  /** Today's quality without the project; value is counted above it. */
  readonly baselineQuality: number | null;
}

/** The project-level settings of the Tradeoff tab. */
export interface TradeoffSettings {
  /** The project's metric, e.g. "accuracy"; only shown. */
  readonly metricName: string;
  /** The top of the metric's range (1 for accuracy, 100 for a percentage). */
  readonly maxQuality: number;
  /** The target quality; null: the worksheet's `E.target-quality`. */
  readonly targetQuality: number | null;
  /**
   * A human ceiling typed in here. It wins over the reference sample's ceiling when set, so a team
   * without a double-labelled sample (or who distrusts it) can still bound the curve; blank: use the
   * Agreement tab's reference ceiling, if any.
   */
  readonly ceilingOverride: number | null;
  readonly value: TradeoffValueSettings;
  /** The team's cost per unit of calendar time, for angles without their own rate. */
  readonly teamCost: CostRate | null;
  /** The day the work started: measured points given by date count their effort from it. */
  readonly workStartedOn: string | null;
}

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
 * An attack angle with its three-point estimates. One row per angle (not one document per project), so
 * two people editing different angles never conflict; each row has its own version.
 */
export const attackAngle = pgTable(
  'attack_angle',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
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
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
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
