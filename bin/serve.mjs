#!/usr/bin/env node
// `npm start`: the server is TypeScript run in place; tsx compiles it on load (no build step to forget).
import { register } from 'tsx/esm/api';

register();
await import('../src/server/main.ts');
