import type { AgreementReport } from '@raisin/core/agreement';
import { BandChip } from './band-chip';
import {
  bandTone,
  ceilingUnit,
  describeAlphaBand,
  describeCeiling,
  describeSampleSize,
  formatInterval,
  formatNumber,
} from './format';

/**
 * The two numbers that matter first, large and in tabular figures: α with its band on Krippendorff's
 * scale, and the human ceiling; the sample's size and the ceiling in plain words follow, smaller.
 */
export function Headline({ report, sampleName }: { report: AgreementReport; sampleName: string }) {
  const alpha = report.krippendorffAlpha[report.level];
  const ceiling = report.humanCeiling;
  const tone = bandTone(report.bands.alpha);
  // Spans, boxes, label sets and rankings have no α of one label per item: their ceiling is the headline.
  const showAlpha = !report.spans && !report.boxes && !report.multilabel && !report.ranking;
  return (
    <section className="panel agreement-headline" aria-labelledby="agreement-headline">
      <h3 id="agreement-headline">{sampleName}: headline</h3>
      <dl className="headline-numbers">
        {showAlpha && (
          <div className={`headline-number headline-number--${tone ?? 'none'}`} data-testid="headline-alpha">
            <dt>
              Krippendorff's α <span className="muted">({report.level})</span>
            </dt>
            <dd>
              <span className="headline-number__value">{formatNumber(alpha)}</span>
              <span className="headline-number__detail">95% CI {formatInterval(report.ci.alpha)}</span>
              <span className="headline-number__detail">
                <BandChip band={report.bands.alpha} fallback="no band (undefined)" />{' '}
                {report.bands.alpha && (
                  <span className="muted">
                    on Krippendorff's scale: {describeAlphaBand(report.bands.alpha)}
                  </span>
                )}
              </span>
            </dd>
          </div>
        )}
        <div className="headline-number" data-testid="headline-ceiling">
          <dt>Human ceiling</dt>
          <dd>
            <span className="headline-number__value">{formatNumber(ceiling?.value ?? null)}</span>
            <span className="headline-number__detail">95% CI {formatInterval(ceiling?.ci ?? null)}</span>
            <span className="headline-number__detail muted">{ceilingUnit(report)}</span>
          </dd>
        </div>
      </dl>
      <p className="muted">{describeSampleSize(report)}</p>
      <p className="agreement-ceiling-sentence">{describeCeiling(ceiling)}</p>
    </section>
  );
}
