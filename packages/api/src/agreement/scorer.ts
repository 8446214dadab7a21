import type { Framing, MeasurementLevel } from '@raisin/core/agreement';
import { type RescoreOutcome, rescoreStoredSample } from '@raisin/db';

export interface RescoreInput {
  /** The stored triples (`encodeSample`). */
  readonly triples: Uint8Array;
  /** The framing the sample was uploaded in (its report's `framing`): re-scoring keeps it. */
  readonly framing: Framing;
  readonly level: MeasurementLevel;
  readonly order: readonly string[] | null;
}

export type RescoreResult = RescoreOutcome;

/**
 * Scores stored triples again. The server passes one that runs in a worker thread, so a large sample
 * never blocks the event loop; tests and the CLI use `inProcessAgreementScorer`.
 */
export interface AgreementScorer {
  rescore(input: RescoreInput): Promise<RescoreResult>;
}

/** Decodes, applies the level's rules and scores under the sample's framing, all on the calling thread. */
export function rescoreInProcess(input: RescoreInput): RescoreResult {
  return rescoreStoredSample(input.triples, input.framing, input.level, input.order);
}

export const inProcessAgreementScorer: AgreementScorer = {
  rescore: async (input) => rescoreInProcess(input),
};
