export * from './agreement';
export * from './fitting';
export * from './format';
export * from './portfolio';
export * from './report';
export * from './roadmap';
export * from './shared';
export * from './tradeoff';
export * as worksheet from './worksheet';
