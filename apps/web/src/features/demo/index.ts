export { CreateDemoButton } from './create-demo-button';
export { DEMO_SAMPLE_URL, demoProjectPath } from './demo-links';
