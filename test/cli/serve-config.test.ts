// A running `titan serve` survives bad configuration: a bad PATCH is a 400, a bad stored value turns its part off, never the process.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { finished, ROOT } from '../helpers/spawn-tsx.ts';
import { useTmpDirs } from '../helpers/tmp-dir.ts';

const tmp = useTmpDirs();
const TOKEN = 'serve-config-test-token-0123456789';

function startServe(dataDir: string) {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/titan.js'), 'serve'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      // Tests run the sources, never a build that may be older than them.
      TITAN_FROM_SOURCES: '1',
      TITAN_DATA_DIR: dataDir,
      PORT: '0',
      TITAN_DEMO: '0',
      TITAN_LOG_LEVEL: 'warn',
      TITAN_ADMIN_TOKEN: TOKEN,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const done = finished(child);
  const started = new Promise<{ port: number; summary: string }>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /Titan is running on http:\/\/localhost:(\d+)/.exec(out);
      if (match && out.includes('Stop: Ctrl-C')) resolve({ port: Number(match[1]), summary: out });
    });
    child.on('close', () => reject(new Error(`serve exited early:\n${out}`)));
  });
  return { child, done, started };
}

describe('titan serve and bad configuration', () => {
  it('refuses a cron croner cannot run, stays up, and runs with a bad stored value named and its part off', async () => {
    const dataDir = tmp();
    const overrides = path.join(dataDir, 'config_override.json');
    // A hand edit (or an older version) stored a cron with hour 25.
    writeFileSync(overrides, JSON.stringify({ DIGEST_CRON: '0 25 * * *', PP_MAPPING_CODE: 'rest123' }), {
      mode: 0o600,
    });
    const serve = startServe(dataDir);
    try {
      const { port, summary } = await serve.started;
      expect(summary).toContain('DIGEST_CRON in config_override.json is invalid');
      expect(summary).toContain('morning digest off');
      const base = `http://127.0.0.1:${port}`;
      const admin = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
      const patch = (body: unknown) =>
        fetch(`${base}/config`, { method: 'PATCH', headers: admin, body: JSON.stringify(body) });

      const health = (await (await fetch(`${base}/health`)).json()) as { status: string; notes: string[] };
      expect(health.status).toBe('ok');
      expect(health.notes.join('\n')).toContain('DIGEST_CRON in config_override.json is invalid');

      const stored = readFileSync(overrides, 'utf8');
      for (const bad of [
        { DIGEST_CRON: '0 25 * * *' },
        { DIGEST_CRON: '99 99 99 99 99' },
        { DIGEST_CRON: '* * * * * *' },
        { GEMINI_MODEL: 'g'.repeat(100_000) },
        { SLACK_API_URL: 'not a url' },
      ]) {
        const res = await patch(bad);
        expect(res.status).toBe(400);
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('config.invalid');
        expect(body.error.message).toContain(Object.keys(bad)[0]);
      }
      expect(readFileSync(overrides, 'utf8')).toBe(stored);
      // Still up after every refusal.
      expect((await fetch(`${base}/health`)).status).toBe(200);

      expect((await patch({ DIGEST_CRON: '30 9 * * 1-5' })).status).toBe(200);
      const fixed = (await (await fetch(`${base}/health`)).json()) as { notes: string[] };
      expect(fixed.notes.join('\n')).not.toContain('DIGEST_CRON');
      expect(JSON.parse(readFileSync(overrides, 'utf8'))).toEqual({
        DIGEST_CRON: '30 9 * * 1-5',
        PP_MAPPING_CODE: 'rest123',
      });
    } finally {
      serve.child.kill('SIGINT');
    }
    const result = await serve.done;
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Titan stopped.');
  });
});
