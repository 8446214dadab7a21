import { describeApiError } from '../lib/api-error';
import { ErrorMessage } from './error-message';
import { Spinner } from './spinner';

/** A failed request's reason as an alert (`describeApiError`); nothing while there is no failure. */
export function ApiErrorMessage({ error }: { error: unknown }) {
  return error ? <ErrorMessage>{describeApiError(error)}</ErrorMessage> : null;
}

export interface QueryStatusProps {
  /** A query's state, as react-query gives it. */
  query: { isPending: boolean; error: unknown };
  /** What the spinner says while the query loads ("Loading tokens…"). */
  loading: string;
}

/** What a query shows before its data: a spinner while it loads, then its failure if it failed. */
export function QueryStatus({ query, loading }: QueryStatusProps) {
  return query.isPending ? <Spinner label={loading} /> : <ApiErrorMessage error={query.error} />;
}
