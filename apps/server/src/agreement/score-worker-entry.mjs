// The worker's entry point: registers tsx in this thread (Node 20 workers do not inherit the parent's
// `--import tsx` hooks), then loads the TypeScript worker. Node 22's type stripping would not need it.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import('./score-worker.ts');
parentPort?.postMessage({ type: 'ready' });
