import { type EmptyReportSection, formatValue, type ReportSectionKey } from '@raisin/core/report';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ScrollBox } from '../../components';
import { PROJECT_TABS, type ProjectTab } from '../project-shell/project-tabs';

/** An agreement value (coefficient, ceiling) as the exports print it: three decimals; a dash where there is none. */
export const num = (n: number | null | undefined) => formatValue(n ?? null);

/** The tab holding each section's data (the maturity self-assessment is on the Roadmap tab). */
const SECTION_TAB: Readonly<Record<ReportSectionKey, ProjectTab>> = {
  worksheet: 'worksheet',
  agreement: 'agreement',
  tradeoff: 'tradeoff',
  roadmap: 'roadmap',
  maturity: 'roadmap',
};

/** In the app, the URL of a project tab, so an empty section links to where its data is entered. */
export type TabHref = (tab: ProjectTab) => string;

/**
 * One report section: its data drawn by `children`, or, while its tab holds none, what to do next (with
 * a link to that tab in the app).
 */
export function ReportSection<S extends { readonly status: 'ready'; readonly title: string }>({
  section,
  sectionKey,
  tabHref,
  children,
}: {
  section: S | EmptyReportSection;
  sectionKey: ReportSectionKey;
  tabHref: TabHref | undefined;
  children: (ready: S) => ReactNode;
}) {
  const tab = PROJECT_TABS.find((t) => t.value === SECTION_TAB[sectionKey]);
  return (
    <section className="report-section" aria-label={section.title}>
      <h2>{section.title}</h2>
      {section.status === 'empty' ? (
        <p className="report-empty">
          <strong>No data yet.</strong> {section.nextStep}
          {tabHref && tab && (
            <>
              {' '}
              <Link to={tabHref(tab.value)}>Open the {tab.label} tab</Link>
            </>
          )}
        </p>
      ) : (
        children(section)
      )}
    </section>
  );
}

/** A captioned report table with one header row; `children` are its body rows. */
export function ReportTable({
  caption,
  columns,
  numericColumns = [],
  children,
}: {
  caption: string;
  columns: readonly string[];
  /** Headings of the columns holding numbers, aligned right like their cells' `numeric` class. */
  numericColumns?: readonly string[];
  children: ReactNode;
}) {
  return (
    <ScrollBox label={caption}>
      <table className="report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column}
                scope="col"
                className={numericColumns.includes(column) ? 'numeric' : undefined}
              >
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </ScrollBox>
  );
}

/** A bulleted list of plain sentences, or nothing when there are none. */
export function TextList({ items }: { items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <ul>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
