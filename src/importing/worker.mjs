// The import worker's entry: worker threads start without the main thread's module hooks, so TypeScript is
// registered here (tsx) before the worker itself loads — under `npm start`, `node --import tsx` and vitest alike.
import { register } from 'tsx/esm/api';

register();
await import('./importWorker.ts');
