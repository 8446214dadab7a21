/** The demo project (docs/guide.md): a seeded labeled sample and the answers of every tab, as plain data. */
export * from './catalogue';
export * from './generate-sample';
export * from './project';

/** Where the committed sample lives, relative to the repository root (the web app serves it at /samples/). */
export const DEMO_SAMPLE_REPO_PATH = 'apps/web/public/samples/medicines-titles.csv';
