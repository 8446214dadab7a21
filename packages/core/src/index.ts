export * from './agreement';
export * from './roadmap';
export * from './shared';
export * as worksheet from './worksheet';
