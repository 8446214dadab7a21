import { tooLongMessage } from '../../lib/text-limit';

export const PROJECT_NAME_MAX_LENGTH = 120;
export const PROJECT_DESCRIPTION_MAX_LENGTH = 2000;

export interface ProjectDraft {
  name: string;
  description: string;
}

export type ProjectDraftErrors = Partial<Record<keyof ProjectDraft, string>>;

/** Field errors for a project's name (1–120 characters after trimming) and description (≤ 2000). */
export function validateProjectDraft(draft: ProjectDraft): ProjectDraftErrors {
  const errors: ProjectDraftErrors = {};
  const name = draft.name.trim();
  if (name === '') errors.name = 'Enter a name for the project.';
  const nameTooLong = tooLongMessage('Project name', name, PROJECT_NAME_MAX_LENGTH);
  if (nameTooLong) errors.name = nameTooLong;
  const descriptionTooLong = tooLongMessage('Description', draft.description, PROJECT_DESCRIPTION_MAX_LENGTH);
  if (descriptionTooLong) errors.description = descriptionTooLong;
  return errors;
}
