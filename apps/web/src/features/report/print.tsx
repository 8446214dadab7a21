import { type DateFormatOptions, formatDateOfInstant, formatDateTime } from '@raisin/core/format';
import type { ReportVersionInfo } from '@raisin/core/report';
import { Button } from '../../components';
import { cssString } from '../../lib/css-string';

/** Opens the browser's print dialog; "Save as PDF" there gives the A4 report (see report.css). */
export function PrintButton() {
  return <Button onClick={() => window.print()}>Print / save as PDF</Button>;
}

/**
 * The header printed on every page. The publication day is the reader's own (`timeZone`, default this
 * browser's), the day "Published …" on the page shows; UTC's day was a day off in UTC+14 mornings.
 */
export function printHeaderText(
  projectName: string,
  version: ReportVersionInfo | null,
  dates: DateFormatOptions = {},
): string {
  return version
    ? `${projectName} — report v${version.number} · published ${formatDateOfInstant(version.publishedAt, dates)}`
    : `${projectName} — report preview (not published)`;
}

/**
 * The project and version at the top of every printed page, in the page's top margin box (report.css
 * sets its font; the text depends on the report shown, so it is injected here). On screen the page
 * heading says it already.
 */
export function PrintHeader({
  projectName,
  version,
}: {
  projectName: string;
  version: ReportVersionInfo | null;
}) {
  return (
    <style>{`@page { @top-left { content: ${cssString(printHeaderText(projectName, version))}; } }`}</style>
  );
}

/**
 * The shared report's heading as a document header: the title across the page, the version's note and
 * who published it when under it, and the print button at the right (or below, on a narrow screen).
 * Hidden in print, where the page margin carries the title (see PrintHeader).
 */
export function ReportHeader({ title, version }: { title: string; version: ReportVersionInfo | null }) {
  return (
    <header className="report-header report-controls">
      <h1>{title}</h1>
      <div className="report-header__row">
        <div className="report-header__text">
          {version?.note && <p className="report-header__note">{version.note}</p>}
          {version && (
            <p className="muted">
              Published {formatDateTime(version.publishedAt)}
              {version.publishedByName && ` by ${version.publishedByName}`}
            </p>
          )}
        </div>
        <PrintButton />
      </div>
    </header>
  );
}
