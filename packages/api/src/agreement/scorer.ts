import { type AgreementReport, computeAgreement, type MeasurementLevel } from '@raisin/core/agreement';
import { decodeSample, prepareSampleForLevel, storedReportOptions } from '@raisin/db';

export interface RescoreInput {
  /** The stored triples (`encodeSample`). */
  readonly triples: Uint8Array;
  readonly level: MeasurementLevel;
  readonly order: readonly string[] | null;
}

export type RescoreResult = { ok: true; report: AgreementReport } | { ok: false; message: string };

/**
 * Scores stored triples again. The server passes one that runs in a worker thread, so a large sample
 * never blocks the event loop; tests and the CLI use `inProcessAgreementScorer`.
 */
export interface AgreementScorer {
  rescore(input: RescoreInput): Promise<RescoreResult>;
}

/** Decodes, applies the level's rules and scores, all on the calling thread. */
export function rescoreInProcess(input: RescoreInput): RescoreResult {
  const prepared = prepareSampleForLevel(decodeSample(input.triples), input.level, input.order);
  if (!prepared.ok) return prepared;
  return {
    ok: true,
    report: computeAgreement(prepared.sample, {
      ...storedReportOptions(),
      level: input.level,
    }),
  };
}

export const inProcessAgreementScorer: AgreementScorer = {
  rescore: async (input) => rescoreInProcess(input),
};
