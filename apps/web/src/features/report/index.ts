export { ReportTab } from './report-tab';
export { SharePage } from './share-page';
