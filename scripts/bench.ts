// `npm run bench`: performance figures, printed with their targets and ratios. Benchmarks measure;
// tests never assert on time. Sections: `npm run bench -- bundle agreement` runs only those.
import { benchAgreement } from './bench/agreement';
import { benchBundle } from './bench/bundle';
import { benchPortfolio } from './bench/portfolio';
import { benchStartup } from './bench/startup';
import { benchTradeoff } from './bench/tradeoff';
import { benchUpload } from './bench/upload';

const sections: Record<string, () => Promise<void>> = {
  bundle: benchBundle,
  agreement: benchAgreement,
  tradeoff: benchTradeoff,
  portfolio: benchPortfolio,
  upload: benchUpload,
  startup: benchStartup,
};

const requested = process.argv.slice(2);
const names = requested.length > 0 ? requested : Object.keys(sections);
for (const name of names) {
  const run = sections[name];
  if (!run) {
    console.error(`Unknown bench section "${name}". Known: ${Object.keys(sections).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n## ${name}`);
  await run();
}
