#!/usr/bin/env node
// The `atlas` command. TypeScript sources run through tsx, so there is no build step for the CLI.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/main.ts');
process.exitCode = await run(process.argv.slice(2));
