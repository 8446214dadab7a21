import type { EditableField, Roadmap } from '@raisin/core/roadmap';
import { Button } from '../../components';
import { type ConflictLike, describeConflict } from './conflict-text';

type Choice = 'keep-manual' | 'use-generated';
type Resolution = { phaseId: string; field: EditableField | null; choice: Choice };

export interface ConflictsPanelProps {
  roadmap: Roadmap;
  conflicts: readonly ConflictLike[];
  canEdit: boolean;
  busy: boolean;
  onResolve: (resolutions: readonly Resolution[]) => Promise<boolean>;
}

/**
 * After a regeneration, the manual edits the generator would have changed. The roadmap already keeps
 * every edit; each conflict asks whether to keep it or take the generated value.
 */
export function ConflictsPanel({ roadmap, conflicts, canEdit, busy, onResolve }: ConflictsPanelProps) {
  if (conflicts.length === 0) return null;
  const texts = conflicts.map((conflict) => describeConflict(conflict, roadmap));
  const all = (choice: Choice) => texts.map((text) => ({ phaseId: text.phaseId, field: text.field, choice }));
  return (
    <section className="conflicts" aria-labelledby="conflicts-heading">
      <h3 id="conflicts-heading">
        Regeneration changed {conflicts.length === 1 ? 'something you edited' : 'things you edited'}
      </h3>
      <p>
        Your edits are kept for now.{' '}
        {canEdit
          ? 'Choose, for each one, whether to keep it or take the generated value.'
          : 'An editor can choose whether to keep them.'}
      </p>
      <ul className="conflicts__list">
        {texts.map((text) => (
          <li key={text.key} className="conflicts__item">
            <p className="conflicts__title">{text.title}</p>
            {text.field !== null && (
              <dl className="facts">
                <dt>Your edit</dt>
                <dd>{text.manual}</dd>
                <dt>Generated now</dt>
                <dd>{text.generated}</dd>
              </dl>
            )}
            {canEdit && (
              <div className="actions">
                <Button
                  disabled={busy}
                  onClick={() =>
                    void onResolve([{ phaseId: text.phaseId, field: text.field, choice: 'keep-manual' }])
                  }
                >
                  {text.field === null ? text.manual : 'Keep my edit'}
                </Button>
                <Button
                  disabled={busy}
                  onClick={() =>
                    void onResolve([{ phaseId: text.phaseId, field: text.field, choice: 'use-generated' }])
                  }
                >
                  {text.field === null ? text.generated : 'Use generated value'}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {canEdit && conflicts.length > 1 && (
        <div className="actions">
          <Button disabled={busy} onClick={() => void onResolve(all('keep-manual'))}>
            Keep all my edits
          </Button>
          <Button disabled={busy} onClick={() => void onResolve(all('use-generated'))}>
            Use all generated values
          </Button>
        </div>
      )}
    </section>
  );
}
