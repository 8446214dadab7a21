import { describeFraming, type Framing } from './framing';

/** The sample framings each worksheet framing (C.framing) is measured with; absent: any fits. */
const FITTING: Readonly<Record<string, { readonly label: string; readonly fits: readonly Framing[] }>> = {
  classification: { label: 'classification', fits: ['categorical', 'multilabel', 'spans', 'boxes'] },
  regression: { label: 'regression', fits: ['continuous', 'categorical'] },
  'ranking-retrieval': { label: 'ranking / retrieval', fits: ['ranking'] },
  'pairwise-comparison': { label: 'pairwise comparison', fits: ['pairwise'] },
};

/**
 * Whether a sample's framing (detected from the export, or named at upload) fits the worksheet's
 * framing answer (question C.framing): a ranking project measured on one-label-per-item labels gets
 * a ceiling in the wrong metric. Returns the sentence to show when they differ, else null (no answer,
 * `generation` or `other`, or a fit). docs/product.md, "Framings beyond one label per item".
 *
 * @example framingMismatch('ranking-retrieval', 'categorical') // "The worksheet frames this project as ranking / retrieval…"
 */
export function framingMismatch(
  worksheetFraming: string | null,
  sampleFraming: Framing | undefined,
): string | null {
  if (worksheetFraming === null || !Object.hasOwn(FITTING, worksheetFraming)) return null;
  const expected = FITTING[worksheetFraming];
  const framing = sampleFraming ?? 'categorical';
  if (expected === undefined || expected.fits.includes(framing)) return null;
  const holds = describeFraming(framing);
  return `The worksheet frames this project as ${expected.label} (C. Framing), but this sample holds ${holds}: its agreement and ceiling measure ${holds}, not ${expected.label}. Check the worksheet's answer or the file.`;
}
