export interface SpinnerProps {
  label?: string;
}

/** A loading indicator with a text alternative. */
export function Spinner({ label = 'Loading…' }: SpinnerProps) {
  return (
    <div className="spinner" role="status">
      <span className="spinner__circle" aria-hidden />
      <span className="visually-hidden">{label}</span>
    </div>
  );
}
