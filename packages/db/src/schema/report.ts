import type { ReportDecisionKind, ReportSnapshot } from '@raisin/core/report';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from './auth';
import { projectOwnedRow } from './projects';

/**
 * A published report version: the whole snapshot is stored, never references to live rows, so later
 * edits to the project leave it unchanged. Numbers count up per project.
 */
export const reportVersion = pgTable(
  'report_version',
  {
    ...projectOwnedRow(),
    number: integer('number').notNull(),
    note: text('note'),
    snapshot: jsonb('snapshot').$type<ReportSnapshot>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: text('published_by').references(() => user.id, { onDelete: 'set null' }),
  },
  (t) => [
    // The last line of defence for numbering: two publishes that raced still cannot share a number.
    unique('report_version_project_number_unique').on(t.projectId, t.number),
    index('report_version_published_by_idx').on(t.publishedBy),
  ],
);

/**
 * A read-only link to one report version. Only the SHA-256 of the token is stored, so a database leak
 * gives no working links; the token itself is shown once, when the link is created.
 */
export const reportShareLink = pgTable(
  'report_share_link',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => reportVersion.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastOpenedAt: timestamp('last_opened_at', { withTimezone: true }),
    openCount: integer('open_count').notNull().default(0),
    /** The owner's choice to let link previews (Open Graph) show the verdict, ceiling and P50; off by default. */
    previewNumbers: boolean('preview_numbers').notNull().default(false),
    /** The editor's choice to let readers of this link record a decision on its version; off by default. */
    allowFeedback: boolean('allow_feedback').notNull().default(false),
  },
  (t) => [
    index('report_share_link_version_id_idx').on(t.versionId),
    index('report_share_link_created_by_idx').on(t.createdBy),
  ],
);

// What a stakeholder decides about a published version: core's list, which the check below spells out.
export { REPORT_DECISIONS, type ReportDecisionKind } from '@raisin/core/report';

/**
 * A decision on one report version: by a reader of a share link that allows feedback (`linkId`, with the
 * name and e-mail they gave), or recorded by an owner from a meeting (`recordedBy`). Stored as plain text
 * and bound to the version it was made on; an owner can hide an entry, which keeps it for the record.
 */
export const reportDecision = pgTable(
  'report_decision',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => reportVersion.id, { onDelete: 'cascade' }),
    linkId: uuid('link_id').references(() => reportShareLink.id, { onDelete: 'set null' }),
    decision: text('decision').$type<ReportDecisionKind>().notNull(),
    comment: text('comment').notNull().default(''),
    name: text('name').notNull(),
    /** The reader's e-mail: shown to the team only, never to other readers. Null for a meeting entry. */
    email: text('email'),
    recordedBy: text('recorded_by').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenBy: text('hidden_by').references(() => user.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('report_decision_version_id_idx').on(t.versionId, t.createdAt),
    index('report_decision_link_id_idx').on(t.linkId),
    index('report_decision_recorded_by_idx').on(t.recordedBy),
    index('report_decision_hidden_by_idx').on(t.hiddenBy),
    check(
      'report_decision_kind_check',
      sql.raw(`decision in ('approve', 'approve-with-conditions', 'request-changes', 'reject')`),
    ),
  ],
);
