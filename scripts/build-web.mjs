// Runs after `npm install` (the `prepare` script): builds the web UI once so the first `npm start` is quick.
import { register } from 'tsx/esm/api';

register();
const { buildWeb, webBuildNeeded } = await import('../src/cli/webBuild.ts');
if (webBuildNeeded()) await buildWeb();
