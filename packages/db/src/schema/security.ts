import { bigint, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row per failed password sign-in, keyed by the lower-cased email (whether or not an account
 * exists, so throttling does not reveal which emails are registered). Rows, not a counter, so the
 * window slides and concurrent failures never lose an increment.
 */
export const signInAttempt = pgTable(
  'sign_in_attempt',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    emailKey: text('email_key').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sign_in_attempt_email_key_at_idx').on(t.emailKey, t.attemptedAt)],
);

/** Secrets generated once and shared by every server instance through the database. */
export const appSecret = pgTable('app_secret', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
