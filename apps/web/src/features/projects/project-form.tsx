import { type FormEvent, type ReactNode, useState } from 'react';
import { Button, TextAreaField, TextField } from '../../components';
import {
  PROJECT_DESCRIPTION_MAX_LENGTH,
  PROJECT_NAME_MAX_LENGTH,
  type ProjectDraft,
  type ProjectDraftErrors,
  validateProjectDraft,
} from './project-fields';

export interface ProjectFormProps {
  draft: ProjectDraft;
  onChange: (draft: ProjectDraft) => void;
  /** Called on submit once the draft passes `validateProjectDraft`; until then the fields show why not. */
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
  onChange,
  onSubmit,
  submitLabel,
  busy,
  notice,
  secondaryAction,
}: ProjectFormProps) {
  const [errors, setErrors] = useState<ProjectDraftErrors>({});
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        const found = validateProjectDraft(draft);
        setErrors(found);
        if (Object.keys(found).length === 0) onSubmit();
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
