/** The demo project (docs/guide.md): a seeded labeled sample and the answers of every tab, as plain data. */
export {
  AMBIGUITY,
  CATALOGUE,
  type CatalogueProduct,
  type Clarity,
  DEMO_BRANDS,
  DEMO_LABELS,
  type DemoLabel,
  PRODUCT_KINDS,
  type ProductKind,
} from './catalogue';
export {
  DEMO_ANNOTATORS,
  DEMO_ITEM_COUNT,
  DEMO_SEED,
  type DemoAnnotation,
  type DemoAnnotator,
  type DemoItem,
  type DemoSample,
  demoSampleToCsv,
  generateDemoSample,
} from './generate-sample';
export {
  DEMO_ATTACK_ANGLES,
  DEMO_DECISION,
  DEMO_MATURITY_ANSWERS,
  DEMO_MEASURED_POINTS,
  DEMO_PROJECT,
  DEMO_REPORT_NOTE,
  DEMO_SAMPLE_FILE_NAME,
  DEMO_SAMPLE_NAME,
  DEMO_TRADEOFF_SETTINGS,
  DEMO_WORKSHEET_VALUES,
  DEMO_WORKSPACE_NAME,
  type DemoAttackAngle,
} from './project';

/** Where the committed sample lives, relative to the repository root (the web app serves it at /samples/). */
export const DEMO_SAMPLE_REPO_PATH = 'apps/web/public/samples/medicines-titles.csv';
