export { ExportProjectButton } from './export-project-button';
export { ImportProjectButton } from './import-project-button';
