// Entry of a `risk indicators` pool worker: the sources are TypeScript, loaded through tsx as bin/lianjian.mjs does.
import { register } from 'tsx/esm/api';

register();
await import('./poolWorker.ts');
