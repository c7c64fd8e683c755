// `titan serve` as a user starts it: a fresh data dir, the demo café, health, admin auth, a clean Ctrl-C.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { finished, ROOT } from '../helpers/spawn-tsx.ts';
import { useTmpDirs } from '../helpers/tmp-dir.ts';

const tmp = useTmpDirs();

describe('titan serve', () => {
  it('starts on the embedded defaults, seeds the demo café, answers, and stops cleanly on SIGINT', async () => {
    const dataDir = path.join(tmp(), 'data');
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/titan.js'), 'serve'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        TITAN_FROM_SOURCES: '1',
        TITAN_DATA_DIR: dataDir,
        PORT: '0',
        TITAN_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const done = finished(child);
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const match = /Titan is running on http:\/\/localhost:(\d+)/.exec(out);
          if (match && out.includes('Stop: Ctrl-C')) resolve(Number(match[1]));
        });
        child.on('close', () => reject(new Error(`serve exited early:\n${out}`)));
      });
      const base = `http://127.0.0.1:${port}`;
      const health = await fetch(`${base}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({
        status: 'ok',
        warehouse: 'embedded',
        llm: 'not configured',
      });

      const tokenFile = path.join(dataDir, 'admin_token');
      expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
      for (const category of ['sales', 'expenses', 'purchases', 'inventory']) {
        expect(existsSync(path.join(dataDir, 'inbox', category, 'archive'))).toBe(true);
        expect(existsSync(path.join(dataDir, 'inbox', category, 'failed'))).toBe(true);
      }
      expect((await fetch(`${base}/config`)).status).toBe(401);

      const token = readFileSync(tokenFile, 'utf8').trim();
      const chat = await fetch(`${base}/api/v1/chat`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ message: 'Scan for profit leaks in the last 7 days' }),
      });
      expect(chat.status).toBe(200);
      const answer = (await chat.json()) as { intent: string; findings: unknown[]; path: string };
      expect(answer).toMatchObject({ intent: 'leak-scan', path: 'offline' });
      expect(answer.findings.length).toBeGreaterThan(0);
    } finally {
      child.kill('SIGINT');
    }
    const result = await done;
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Titan stopped.');
  });
});
