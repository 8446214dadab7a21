import type { TableColumn } from '../../components';
import { formatInterval, formatNumber } from './format';

/** The headings of a measure's value and its interval, for the coefficient and framing tables. */
export const VALUE_COLUMNS: readonly TableColumn[] = [
  { label: 'Value', numeric: true },
  { label: '95% CI', numeric: true },
];

/** A measure's value and its 95% interval, the two cells under `VALUE_COLUMNS`. */
export function ValueCells({
  value,
  ci,
}: {
  value: number | null | undefined;
  ci: Parameters<typeof formatInterval>[0];
}) {
  return (
    <>
      <td className="numeric">{formatNumber(value)}</td>
      <td className="numeric">{formatInterval(ci)}</td>
    </>
  );
}
