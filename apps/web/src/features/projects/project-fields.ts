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
  else if (name.length > PROJECT_NAME_MAX_LENGTH) {
    errors.name = `Use at most ${PROJECT_NAME_MAX_LENGTH} characters.`;
  }
  if (draft.description.length > PROJECT_DESCRIPTION_MAX_LENGTH) {
    errors.description = `Use at most ${PROJECT_DESCRIPTION_MAX_LENGTH} characters.`;
  }
  return errors;
}
