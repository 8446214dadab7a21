import type { SampleSource } from './parse';
import type { AgreementReport } from './types';

/**
 * The agreement result as one JSON object: the report (keys as docs/product.md defines them) with how the
 * sample was read as `source` (its format, conflicting repeated annotations resolved, cells read as
 * missing per spelling). `raisin agreement --json` prints it and the REST API returns it for a pushed
 * or stored batch, so a pipeline reads the same keys from either.
 */
export type AgreementJson = AgreementReport & {
  readonly source: SampleSource;
  /** Every question of an export that holds several (Label Studio controls), by name; the top level is the first. */
  readonly controls?: Readonly<Record<string, AgreementReport>>;
};

/**
 * Builds the agreement JSON object from a report and how its sample was read. The one builder of that
 * object: the CLI and the REST API both call it, so their outputs cannot drift apart.
 */
export function toAgreementJson(
  report: AgreementReport,
  source: SampleSource,
  controls?: ReadonlyMap<string, AgreementReport>,
): AgreementJson {
  const { format, duplicatesResolved, missingSpellings, skipped, control } = source;
  return {
    ...report,
    source: {
      format,
      duplicatesResolved,
      missingSpellings,
      ...(skipped === undefined || skipped.reject + skipped.ignore === 0 ? {} : { skipped }),
      ...(control === undefined ? {} : { control }),
    },
    ...(controls === undefined || controls.size < 2 ? {} : { controls: Object.fromEntries(controls) }),
  };
}

/**
 * Whether a batch's α falls below a project's threshold: null when either is missing (an undefined α
 * is neither above nor below). The Agreement trend and the REST API mark batches by this one rule.
 */
export function isBelowThreshold(alpha: number | null, threshold: number | null): boolean | null {
  if (alpha === null || threshold === null) return null;
  return alpha < threshold;
}
