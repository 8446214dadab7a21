export { agreementSamplePath, invitationPath, linkAt, sharedReportPath } from './app-links';
export { calendarDateIn, endOfDayIn, trustedClientToday } from './calendar-date';
export { fitsDistribution } from './goodness-of-fit';
export { escapeMarkdownHtml } from './markdown';
export { type BlockRandom, createRandom, createXoshiro128StarStar, type Random } from './random';
export { drawBinomial, logFactorial, PoissonSampler, tableWorthIt, UniformStream } from './random-variates';
export { err, ok, type Result } from './result';
