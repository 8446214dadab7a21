export * from './answers';
export * from './compute-verdict';
export * from './context-json';
export * from './export';
export * from './question-bank';
export * from './templates';
export * from './verdict-rules';
