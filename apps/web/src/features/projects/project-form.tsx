import type { FormEvent, ReactNode } from 'react';
import { Button, TextAreaField, TextField } from '../../components';
import {
  PROJECT_DESCRIPTION_MAX_LENGTH,
  PROJECT_NAME_MAX_LENGTH,
  type ProjectDraft,
  type ProjectDraftErrors,
} from './project-fields';

export interface ProjectFormProps {
  draft: ProjectDraft;
  errors: ProjectDraftErrors;
  onChange: (draft: ProjectDraft) => void;
  onSubmit: () => void;
  submitLabel: string;
  busy: boolean;
  /** Shown above the fields: a server error or a conflict notice. */
  notice?: ReactNode;
  secondaryAction?: ReactNode;
}

/** Name + description fields shared by "New project" and "Rename project"; the parent owns the draft. */
export function ProjectForm({
  draft,
  errors,
  onChange,
  onSubmit,
  submitLabel,
  busy,
  notice,
  secondaryAction,
}: ProjectFormProps) {
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {notice}
      <TextField
        label="Project name"
        value={draft.name}
        onChange={(event) => onChange({ ...draft, name: event.target.value })}
        error={errors.name}
        limit={PROJECT_NAME_MAX_LENGTH}
        autoFocus
      />
      <TextAreaField
        label="Description"
        value={draft.description}
        onChange={(event) => onChange({ ...draft, description: event.target.value })}
        error={errors.description}
        hint="Optional. What the model should do, for whom."
        limit={PROJECT_DESCRIPTION_MAX_LENGTH}
        rows={4}
      />
      <div className="actions">
        <Button type="submit" variant="primary" busy={busy}>
          {submitLabel}
        </Button>
        {secondaryAction}
      </div>
    </form>
  );
}
