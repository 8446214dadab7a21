import { useMemo, useState } from 'react';
import { Button, TextField } from '../../components';
import { saveFile } from '../../lib/save-file';

/** What a disagreement list's search holds: the query, and the disagreements it shows. */
export interface DisagreementSearch<T> {
  query: string;
  setQuery: (query: string) => void;
  shown: readonly T[];
}

/** Searches `items` with `filter` (one of format.ts's filters), the query starting empty. */
export function useDisagreementSearch<T>(
  items: readonly T[],
  filter: (items: readonly T[], query: string) => readonly T[],
): DisagreementSearch<T> {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => filter(items, query), [filter, items, query]);
  return { query, setQuery, shown };
}

/**
 * Above a list of disagreements: a search that narrows it, and Export CSV of what it shows, saved as
 * `<sample>-disagreements.csv`.
 */
export function DisagreementToolbar<T>({
  searchLabel,
  search,
  sampleName,
  toCsv,
}: {
  searchLabel: string;
  search: DisagreementSearch<T>;
  sampleName: string;
  /** The shown disagreements as CSV. */
  toCsv: (shown: readonly T[]) => string;
}) {
  const { query, setQuery, shown } = search;
  return (
    <div className="toolbar toolbar--field">
      <TextField
        label={searchLabel}
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <Button
        onClick={() => saveFile(`${sampleName}-disagreements.csv`, 'text/csv;charset=utf-8', toCsv(shown))}
        // With nothing shown there is nothing to export.
        disabled={shown.length === 0}
      >
        Export CSV
      </Button>
    </div>
  );
}
