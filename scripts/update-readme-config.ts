// Regenerates the configuration table in README.md from the config schema.
import { readFileSync, writeFileSync } from 'node:fs';
import { withConfigTable } from '../src/core/config/config-table.ts';

const file = new URL('../README.md', import.meta.url);
writeFileSync(file, withConfigTable(readFileSync(file, 'utf8')));
