import { z } from 'zod';

/** Raisin's own ids are UUIDs. */
export const idSchema = z.uuid();

/** better-auth user ids are opaque strings. */
export const userIdSchema = z.string().min(1).max(128);

/** Optimistic-concurrency version as read by the client. */
export const versionSchema = z.number().int().min(1).max(2_147_483_647);

/** An ISO 8601 timestamp with its offset, as `Date.toISOString()` writes it. */
export const timestampSchema = z.iso.datetime({ offset: true });

export const emailSchema = z.email().max(254);
