import type { ReactNode } from 'react';
import { ScrollBox } from './scroll-box';

/** A column's heading: its words, or its words with how the column reads. */
export type TableColumn =
  | string
  | {
      label: string;
      /** Right-aligned in tabular figures, as the column's `numeric` cells (app.css). */
      numeric?: boolean;
      /** Read by screen readers only, e.g. the heading of a column of buttons. */
      hidden?: boolean;
    };

/** The heading of a column of row buttons (Revoke, Remove, Restore): read by screen readers only. */
export const ACTIONS_COLUMN: TableColumn = { label: 'Actions', hidden: true };

export interface DataTableProps {
  /** Names the scroll box once it scrolls (`ScrollBox`). */
  label: string;
  caption?: ReactNode;
  /** The caption is read by screen readers only. */
  captionHidden?: boolean;
  /** Classes besides `table`, e.g. a table's own column widths. */
  className?: string;
  /** The column headings in order; `false` leaves a column out (e.g. Actions for someone who may not act). */
  columns: ReadonlyArray<TableColumn | false>;
  /** The rows, `<tr>` elements. */
  children: ReactNode;
}

function ColumnHeading({ column }: { column: TableColumn }) {
  const { label, numeric = false, hidden = false } = typeof column === 'string' ? { label: column } : column;
  return (
    <th scope="col" className={numeric ? 'numeric' : undefined}>
      {hidden ? <span className="visually-hidden">{label}</span> : label}
    </th>
  );
}

/**
 * A table of the app: its headings in a row of column headers, its rows below them, and the whole in a
 * `ScrollBox`, so that a table wider than its column scrolls sideways on its own, never the page.
 */
export function DataTable({
  label,
  caption,
  captionHidden = false,
  className,
  columns,
  children,
}: DataTableProps) {
  return (
    <ScrollBox label={label}>
      <table className={['table', className].filter(Boolean).join(' ')}>
        {caption !== undefined && (
          <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        )}
        <thead>
          <tr>
            {columns.map(
              (column) =>
                column !== false && (
                  <ColumnHeading key={typeof column === 'string' ? column : column.label} column={column} />
                ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </ScrollBox>
  );
}
