export * from './agreement';
export * from './common';
export * from './projects';
export * from './roadmap';
export * from './tradeoff';
export * from './worksheet';
export * from './workspaces';
