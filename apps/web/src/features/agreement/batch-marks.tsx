/**
 * Marks of labeled batches on the Agreement tab: which API token pushed a batch, whether its α is below
 * the project's batch threshold, and the threshold's own field. Kept apart from the tab's layout so that
 * the list and the trend only place them.
 */
import { isBelowThreshold } from '@raisin/core/agreement';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, ErrorMessage, SavedAt, TextField } from '../../components';
import { describeApiError } from '../../lib/api-error';
import { trpc } from '../../lib/trpc';
import { formatNumber } from './format';
import type { AgreementSample } from './types';

/** The marks beside a sample's name and α in the list. */
export function BatchMarks({ sample, threshold }: { sample: AgreementSample; threshold: number | null }) {
  const below = isBelowThreshold(sample.alpha, threshold) === true;
  if (!sample.pushedByToken && !below) return null;
  return (
    <span className="batch-marks">
      {sample.pushedByToken && <span className="badge badge--quiet">Pushed by {sample.pushedByToken}</span>}
      {below && <span className="badge badge--alert">Below threshold</span>}
    </span>
  );
}

/** The project's batch threshold: editors set or clear it; everyone reads it. */
export function ThresholdField({
  projectId,
  threshold,
  version,
  canEdit,
  savedAt,
  onSaved,
}: {
  projectId: string;
  threshold: number | null;
  version: number;
  canEdit: boolean;
  /** When this visit last saved the threshold: kept by the tab, since a save remounts this field. */
  savedAt: Date | null;
  onSaved: (at: Date) => void;
}) {
  const queryClient = useQueryClient();
  const [text, setText] = useState(threshold === null ? '' : String(threshold));
  const [error, setError] = useState<string | undefined>();
  const save = useMutation(
    trpc.agreement.setThreshold.mutationOptions({
      onSuccess: () => {
        onSaved(new Date());
        return queryClient.invalidateQueries({ queryKey: trpc.projects.get.queryKey({ projectId }) });
      },
    }),
  );
  if (!canEdit) {
    return threshold === null ? null : (
      <p className="muted">Batches with α below {formatNumber(threshold)} are marked.</p>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = text.trim();
    const value = trimmed === '' ? null : Number(trimmed);
    if (value !== null && (!Number.isFinite(value) || value < -1 || value > 1)) {
      setError('Batch threshold: enter an α between -1 and 1, e.g. 0.67, or leave it empty for none.');
      return;
    }
    setError(undefined);
    save.mutate({ projectId, version, threshold: value });
  }

  return (
    <form className="threshold-form" onSubmit={onSubmit} noValidate>
      <TextField
        label="Batch threshold (α)"
        hint="Batches whose α is below it are marked in the list, on the trend and in the API. Empty: none."
        inputMode="decimal"
        value={text}
        error={error}
        onChange={(event) => setText(event.target.value)}
      />
      <Button type="submit" busy={save.isPending}>
        Save threshold
      </Button>
      <SavedAt at={savedAt} />
      {save.isError && <ErrorMessage>{describeApiError(save.error)}</ErrorMessage>}
    </form>
  );
}
