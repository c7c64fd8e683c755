#!/usr/bin/env node
// The `titan` command: the compiled CLI that `npm install` built (dist/), or the TypeScript sources through tsx's
// loader when there is no build or TITAN_FROM_SOURCES=1 asks for them (tests, which must never run an old build).
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli.js', import.meta.url);
if (existsSync(compiled) && process.env.TITAN_FROM_SOURCES !== '1') {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
