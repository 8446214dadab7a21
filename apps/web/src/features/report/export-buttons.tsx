import {
  type ReportDecisionLine,
  type ReportSnapshot,
  renderReportHtml,
  renderReportMarkdown,
} from '@raisin/core/report';
import { Button } from '../../components';
import { saveFile } from '../../lib/save-file';

/**
 * Downloads of a report snapshot, rendered in the browser by the same core renderers the CLI uses, so a
 * downloaded file matches `raisin report export` byte for byte; a published version's file lists its
 * visible decisions (`decisions`), as text and without e-mails.
 */
export function ReportExportButtons(props: {
  snapshot: ReportSnapshot;
  fileStem: string;
  decisions?: readonly ReportDecisionLine[] | undefined;
}) {
  const { snapshot, fileStem } = props;
  const options = { decisions: props.decisions };
  return (
    <div className="actions">
      <Button
        onClick={() =>
          saveFile(`${fileStem}.md`, 'text/markdown;charset=utf-8', renderReportMarkdown(snapshot, options))
        }
      >
        Download Markdown
      </Button>
      <Button
        onClick={() =>
          saveFile(`${fileStem}.html`, 'text/html;charset=utf-8', renderReportHtml(snapshot, options))
        }
      >
        Download HTML
      </Button>
    </div>
  );
}
