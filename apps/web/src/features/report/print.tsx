import type { ReportVersionInfo } from '@raisin/core/report';
import { Button } from '../../components';

/** Opens the browser's print dialog; "Save as PDF" there gives the A4 report (see report.css). */
export function PrintButton() {
  return <Button onClick={() => window.print()}>Print / save as PDF</Button>;
}

/** The project and version at the top of the printed report (on screen the page says it already). */
export function PrintHeader({
  projectName,
  version,
}: {
  projectName: string;
  version: ReportVersionInfo | null;
}) {
  return (
    <header className="report-print-header">
      <strong>{projectName}</strong> —{' '}
      {version ? `report v${version.number}` : 'report preview (not published)'}
      {version && ` · published ${version.publishedAt.slice(0, 10)}`}
    </header>
  );
}
