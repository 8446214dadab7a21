import { describe, expect, it } from 'vitest';
import { framingRows } from './framing-rows';
import { labelStudioNerReport } from './test-support';

describe('framingRows', () => {
  it('titles a span block with its counts, in the singular for one pair and in the plural for several', () => {
    const report = labelStudioNerReport();
    const spans = report.spans;
    if (!spans) throw new Error('a span report');
    const rows = framingRows(report);
    expect(spans.pairs).toBe(1);
    expect(rows?.title).toBe(`Span agreement (${spans.documents} documents, 1 annotator pair)`);
    expect(framingRows({ ...report, spans: { ...spans, pairs: 3, documents: 1 } })?.title).toBe(
      'Span agreement (1 document, 3 annotator pairs)',
    );
    expect(rows?.measures.map((row) => row.name)).toEqual([
      'Span F1, exact',
      'Span F1, unlabeled',
      'Span F1, overlap (IoU ≥ 0.5)',
    ]);
  });
});
