export * from './agreement';
export * from './common';
export * from './portability';
export * from './projects';
export * from './roadmap';
export * from './tradeoff';
export * from './worksheet';
export * from './workspaces';
