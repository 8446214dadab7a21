export { AgreementTab } from './agreement-tab';
