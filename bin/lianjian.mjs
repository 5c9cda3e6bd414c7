#!/usr/bin/env node
// Entry point of the `lianjian` command. The sources are TypeScript run through tsx's loader, so the
// same files serve development, tests and production without a separate compile step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2));
if (typeof code === 'number') process.exitCode = code;
