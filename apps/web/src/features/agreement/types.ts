import type { inferOutput } from '@trpc/tanstack-react-query';
import type { trpc } from '../../lib/trpc';

export type AgreementSample = inferOutput<typeof trpc.agreement.list>[number];
export type AgreementSampleWithReport = inferOutput<typeof trpc.agreement.get>;
