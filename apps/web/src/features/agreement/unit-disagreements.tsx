import type { AgreementReport, UnitDisagreement } from '@raisin/core/agreement';
import { useId } from 'react';
import { DisagreementToolbar, useDisagreementSearch } from './disagreement-toolbar';
import {
  describeDifference,
  filterUnitDisagreements,
  unitDisagreementsOf,
  unitDisagreementsToCsv,
  unitHeadline,
  unitListEmpty,
  unitListTitle,
} from './unit-disagreement-format';

const NO_UNITS: readonly UnitDisagreement[] = [];

/**
 * The structured framings' disagreement list: the documents, images, items or lists whose least-agreeing
 * annotator pair scores lowest, each with what the pair differ on. Nothing for reports without it.
 */
export function UnitDisagreementList({
  report,
  sampleName,
}: {
  report: AgreementReport;
  sampleName: string;
}) {
  const list = unitDisagreementsOf(report);
  const search = useDisagreementSearch(list?.units ?? NO_UNITS, filterUnitDisagreements);
  const { shown } = search;
  const headingId = useId();
  if (list === null) return null;
  const { title, ranking, listName } = unitListTitle(list.metric);
  return (
    <section aria-labelledby={headingId} className="unit-disagreements">
      <h4 id={headingId}>{title}</h4>
      <p className="muted">{ranking}</p>
      {list.units.length === 0 ? (
        <p className="muted">{unitListEmpty(list.metric)}</p>
      ) : (
        <>
          <DisagreementToolbar
            searchLabel="Search the disagreements"
            search={search}
            sampleName={sampleName}
            toCsv={(units) => unitDisagreementsToCsv(list, units)}
          />
          <p className="muted" aria-live="polite">
            {shown.length} of {list.units.length} shown (the {list.units.length} that agree least)
          </p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the list scrolls inside itself, so it takes focus to scroll by keyboard */}
          <section className="unit-disagreements-scroll" tabIndex={0} aria-label={listName}>
            <ol className="unit-disagreements-list">
              {shown.map((unit) => (
                <li key={unit.unit}>
                  <strong>{unitHeadline(unit, list.metric)}</strong>
                  <ul>
                    {unit.differences.map((difference, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: differences are a fixed list per unit
                      <li key={i}>{describeDifference(difference)}</li>
                    ))}
                    {unit.moreDifferences > 0 && <li className="muted">and {unit.moreDifferences} more</li>}
                  </ul>
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </section>
  );
}
