export {
  type AgreementScorer,
  inProcessAgreementScorer,
  type RescoreInput,
  type RescoreResult,
  rescoreInProcess,
} from './scorer';
