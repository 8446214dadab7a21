export { ProjectPage } from './project-page';
export {
  DEFAULT_PROJECT_TAB,
  PROJECT_TABS,
  type ProjectTab,
  parseProjectTab,
  projectTabPath,
} from './project-tabs';
