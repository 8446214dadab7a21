export { type CreateDemoOptions, type CreatedDemo, createDemo } from './create-demo';
