import type { EditableField, Roadmap } from '@raisin/core/roadmap';

/** A `MergeConflict` as it arrives over JSON (its values are plain data of any shape). */
export type ConflictLike =
  | { readonly kind: 'phase'; readonly phaseId: string }
  | {
      readonly kind: 'field';
      readonly phaseId: string;
      readonly field: EditableField;
      readonly manual?: unknown;
      readonly previousGenerated?: unknown;
      readonly regenerated?: unknown;
    };

export const FIELD_LABELS: Readonly<Record<EditableField, string>> = {
  name: 'Name',
  description: 'Description',
  estimate: 'Duration estimate',
  milestones: 'Milestones',
  dependsOn: 'Depends on',
};

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A field value of a phase as a person reads it (conflict values arrive as plain JSON). */
export function formatFieldValue(
  field: EditableField,
  value: unknown,
  phaseNames: ReadonlyMap<string, string>,
): string {
  switch (field) {
    case 'name':
    case 'description':
      return typeof value === 'string' && value !== '' ? value : '(empty)';
    case 'estimate':
      if (isRecord(value) && [value.low, value.likely, value.high].every((n) => typeof n === 'number')) {
        return `${value.low} / ${value.likely} / ${value.high} working days (low / likely / high)`;
      }
      return '(unknown)';
    case 'milestones': {
      if (!Array.isArray(value)) return '(unknown)';
      const names = value.flatMap((milestone: unknown) =>
        isRecord(milestone) && typeof milestone.name === 'string' ? [milestone.name] : [],
      );
      return names.length === 0 ? '(none)' : names.join(', ');
    }
    case 'dependsOn': {
      if (!Array.isArray(value)) return '(unknown)';
      const names = value.flatMap((id: unknown) =>
        typeof id === 'string' ? [phaseNames.get(id) ?? id] : [],
      );
      return names.length === 0 ? '(none)' : names.join(', ');
    }
  }
}

export interface ConflictText {
  /** Stable key: phase id and field. */
  readonly key: string;
  readonly phaseId: string;
  readonly field: EditableField | null;
  readonly title: string;
  readonly manual: string | null;
  readonly generated: string | null;
}

/** What a regeneration conflict means, in words: the phase, the field, the person's value and the new one. */
export function describeConflict(conflict: ConflictLike, roadmap: Roadmap): ConflictText {
  const phaseNames = new Map(roadmap.phases.map((phase) => [phase.id, phase.name]));
  const phaseName = phaseNames.get(conflict.phaseId) ?? conflict.phaseId;
  if (conflict.kind === 'phase') {
    return {
      key: `${conflict.phaseId}:`,
      phaseId: conflict.phaseId,
      field: null,
      title: `“${phaseName}” was edited by hand, but the regenerated roadmap no longer has this phase.`,
      manual: 'Keep the phase with your edits',
      generated: 'Remove the phase',
    };
  }
  return {
    key: `${conflict.phaseId}:${conflict.field}`,
    phaseId: conflict.phaseId,
    field: conflict.field,
    title: `${FIELD_LABELS[conflict.field]} of “${phaseName}”`,
    manual: formatFieldValue(conflict.field, conflict.manual, phaseNames),
    generated: formatFieldValue(conflict.field, conflict.regenerated, phaseNames),
  };
}
