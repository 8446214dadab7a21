export { WorksheetTab, type WorksheetTabProps } from './worksheet-tab';
