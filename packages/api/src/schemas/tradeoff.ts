import { DURATION_UNITS, type TradeoffSettings } from '@raisin/core';
import { z } from 'zod';
import { idSchema, versionSchema } from './common';

/** Quality values: finite numbers; the metric's range is checked against the project's settings. */
const qualitySchema = z.number().finite().min(0).max(1_000_000);
const moneySchema = z.number().finite().min(0).max(1e15);

export const durationSchema = z.object({
  value: z.number().finite().positive().max(1_000_000),
  unit: z.enum(DURATION_UNITS),
});

const threePoint = <T extends z.ZodType>(value: T) => z.object({ low: value, likely: value, high: value });

export const costRateSchema = z.object({ amount: moneySchema, per: z.enum(DURATION_UNITS) });

export const attackAngleInputSchema = z.object({
  name: z.string().trim().min(1, 'name: give the angle a name').max(120),
  effort: threePoint(durationSchema),
  quality: threePoint(qualitySchema),
  costRate: costRateSchema.nullable(),
  riskNotes: z.string().max(2000),
});

const isoDate = z.iso.date();

export const measuredPointInputSchema = z.object({
  effort: durationSchema.nullable(),
  measuredOn: isoDate.nullable(),
  quality: qualitySchema,
  label: z.string().max(200),
});

/** The input shape of core's `TradeoffSettings` (the type checks they agree); its rules are core's `validateTradeoffSettings`. */
export const tradeoffSettingsSchema = z.object({
  metricName: z.string().trim().min(1).max(60),
  maxQuality: z.number().finite().positive().max(1_000_000),
  targetQuality: qualitySchema.nullable(),
  ceilingOverride: qualitySchema.nullable(),
  value: z.object({
    mode: z.enum(['per-quality-point', 'per-error-avoided']),
    valuePerPoint: moneySchema.nullable(),
    costPerError: moneySchema.nullable(),
    volume: z.number().finite().min(0).max(1e15).nullable(),
    baselineQuality: qualitySchema.nullable(),
  }),
  teamCost: costRateSchema.nullable(),
  workStartedOn: isoDate.nullable(),
}) satisfies z.ZodType<TradeoffSettings>;

export const createAngleInput = z.object({ angle: attackAngleInputSchema });
export const updateAngleInput = z.object({
  angleId: idSchema,
  version: versionSchema,
  angle: attackAngleInputSchema,
});
export const deleteAngleInput = z.object({ angleId: idSchema, version: versionSchema });
/**
 * The editor's calendar date, from their browser: a measurement dated today is in the future in UTC for
 * part of the day east of Greenwich. The server believes it only within a day of UTC's today.
 */
const clientTodaySchema = isoDate.optional();

export const createMeasuredInput = z.object({ point: measuredPointInputSchema, today: clientTodaySchema });
export const updateMeasuredInput = z.object({
  pointId: idSchema,
  version: versionSchema,
  point: measuredPointInputSchema,
  today: clientTodaySchema,
});
export const deleteMeasuredInput = z.object({ pointId: idSchema, version: versionSchema });
export const updateTradeoffSettingsInput = z.object({
  version: versionSchema,
  settings: tradeoffSettingsSchema,
});
