import type { inferOutput } from '@trpc/tanstack-react-query';
import type { trpc } from '../../lib/trpc';

export type AssessmentDto = inferOutput<typeof trpc.roadmap.assessment>;
export type RoadmapQueryDto = inferOutput<typeof trpc.roadmap.get>;
export type StoredRoadmapDto = NonNullable<RoadmapQueryDto['stored']>;
