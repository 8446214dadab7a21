// The bootstrap helper's entry point: registers tsx in this thread (Node 20 workers do not inherit the
// parent's `--import tsx` hooks), then loads the TypeScript helper, as score-worker-entry.mjs does.
import { register } from 'tsx/esm/api';

register();
await import('./bootstrap-helper-worker.ts');
