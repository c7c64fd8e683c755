// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and prints their figures.
// Each file runs in a process of its own: an earlier bench's heap, still being collected, would otherwise
// share the 2 cores with the next one's measurements (one CSV run lost 20% that way).
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;

async function runOne(file: string): Promise<void> {
  const mod = (await import(path.join(dir, file))) as { run: () => Promise<void> };
  await mod.run();
}

function runInChild(file: string): Promise<boolean> {
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--one', file], {
    stdio: 'inherit',
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code === 0)));
}

if (process.argv[2] === '--one') {
  await runOne(process.argv[3]!);
} else {
  const wanted = process.argv.slice(2);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
    .sort();
  let failed = 0;
  for (const file of files) {
    console.log(`\n## ${file.replace('.bench.ts', '')}`);
    const started = performance.now();
    if (await runInChild(file)) console.log(`   (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    else {
      failed++;
      console.error(`   FAILED: ${file} (its output above says why)`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}
