import type { ReportVersionInfo } from '@raisin/core/report';
import { Button } from '../../components';
import { cssString } from '../../lib/css-string';

/** Opens the browser's print dialog; "Save as PDF" there gives the A4 report (see report.css). */
export function PrintButton() {
  return <Button onClick={() => window.print()}>Print / save as PDF</Button>;
}

export function printHeaderText(projectName: string, version: ReportVersionInfo | null): string {
  return version
    ? `${projectName} — report v${version.number} · published ${version.publishedAt.slice(0, 10)}`
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
