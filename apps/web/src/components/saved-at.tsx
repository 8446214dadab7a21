import { formatTimeOfDay } from '@raisin/core/format';

export interface SavedAtProps {
  /** When the last save of this form was confirmed; null before any save of this visit. */
  at: Date | null;
}

/**
 * A quiet "Saved 16:16" beside a form that saves a setting, as the worksheet says it: the live region is
 * always there, so a screen reader hears the confirmation without losing its place.
 */
export function SavedAt({ at }: SavedAtProps) {
  return (
    <p className="saved-at" role="status">
      {at === null ? '' : `Saved ${formatTimeOfDay(at)}`}
    </p>
  );
}
