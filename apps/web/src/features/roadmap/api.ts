import type { inferOutput } from '@trpc/tanstack-react-query';
import { describeApiError } from '../../lib/api-error';
import type { trpc } from '../../lib/trpc';

export type AssessmentDto = inferOutput<typeof trpc.roadmap.assessment>;
export type RoadmapQueryDto = inferOutput<typeof trpc.roadmap.get>;
export type StoredRoadmapDto = NonNullable<RoadmapQueryDto['stored']>;

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A sentence for a refused roadmap request: the domain's own message when there is one (e.g. "A roadmap
 * needs at least one phase"), the first input-validation message, else the generic wording.
 */
export function roadmapErrorText(error: unknown): string {
  if (error instanceof Error && isRecord(error) && isRecord(error.data)) {
    if (typeof error.data.domainCode === 'string') return error.message;
    const zod = error.data.zodError;
    if (isRecord(zod)) {
      const messages = [
        ...(Array.isArray(zod.formErrors) ? zod.formErrors : []),
        ...(isRecord(zod.fieldErrors) ? Object.values(zod.fieldErrors).flat() : []),
      ].filter((message): message is string => typeof message === 'string');
      if (messages[0] !== undefined) return messages[0];
    }
  }
  return describeApiError(error);
}
