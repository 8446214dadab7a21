export * from './beta-distribution';
export * from './durations';
export * from './pert';
export * from './roi';
export * from './seed';
export * from './simulate';
export type * from './types';
export * from './validate';
