// Cloudflare Workers entry (wrangler.toml): the admin config API with overrides in KV; no embedded warehouse here.
import { createKvOverrideStore, type KvNamespaceLike } from '../core/config/kv-override-store.ts';
import { createVault, type EnvValues } from '../core/config/vault.ts';
import { checkHealth } from '../core/health.ts';
import { createLogger } from '../core/logger.ts';
import { createAdminApp } from './app.ts';

/** The Worker's env: the KV binding plus string vars and secrets (configuration keys, TITAN_ADMIN_TOKEN). */
export interface WorkersEnv {
  TITAN_CONFIG: KvNamespaceLike;
  [name: string]: unknown;
}

const stringVars = (env: WorkersEnv): EnvValues =>
  Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'));

export default {
  async fetch(request: Request, env: WorkersEnv): Promise<Response> {
    const store = createKvOverrideStore(env.TITAN_CONFIG);
    await store.load();
    const vars = stringVars(env);
    const vault = createVault({ store, env: vars });
    const token = vars.TITAN_ADMIN_TOKEN ?? '';
    const logger = createLogger({
      level: 'info',
      secrets: () => [...vault.secretValues(), token],
      destination: { write: (line) => console.log(line.trimEnd()) },
    });
    if (token.length < 16) {
      logger.error(
        'TITAN_ADMIN_TOKEN is not set (wrangler secret put TITAN_ADMIN_TOKEN); refusing admin requests',
      );
    }
    const app = createAdminApp({
      vault,
      // The warehouse runs where `titan serve` runs; on Workers /health reports configuration only.
      health: () => checkHealth(null, vault.get(), vault.problems()),
      adminToken: token.length >= 16 ? token : crypto.randomUUID() + crypto.randomUUID(),
      logger,
    });
    return app.fetch(request);
  },
};
