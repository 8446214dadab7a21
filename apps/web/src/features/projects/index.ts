export { CreateProjectDialog } from './create-project-dialog';
export {
  PROJECT_DESCRIPTION_MAX_LENGTH,
  PROJECT_NAME_MAX_LENGTH,
  type ProjectDraft,
} from './project-fields';
export { ProjectForm } from './project-form';
export { ProjectsPage } from './projects-page';
