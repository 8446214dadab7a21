/**
 * Writes the demo's labeled sample (apps/web/public/samples/medicines-titles.csv) from its seeded generator.
 * Run after changing the generator: `node --import tsx scripts/generate-demo-sample.ts`; a unit test checks
 * the committed file still equals the generator's output.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_SAMPLE_REPO_PATH, DEMO_SEED, demoSampleToCsv, generateDemoSample } from '@raisin/core/demo';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, DEMO_SAMPLE_REPO_PATH);
const sample = generateDemoSample(DEMO_SEED);
writeFileSync(target, demoSampleToCsv(sample));
console.log(`${DEMO_SAMPLE_REPO_PATH}: ${sample.items.length} titles, ${sample.annotations.length} labels`);
