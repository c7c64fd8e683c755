// The composition root: builds every core service once from the configuration and hands them to the doors.
import path from 'node:path';
import { type Clock, systemClock } from './clock.ts';
import type { RuntimeSettings } from './config/runtime.ts';
import type { ConfigVault } from './config/vault.ts';
import { checkHealth, type HealthReport } from './health.ts';
import { createLogger, type Logger } from './logger.ts';
import type { Warehouse } from './warehouse/port.ts';
import { createSqliteWarehouse } from './warehouse/sqlite.ts';

export interface TitanOptions {
  runtime: RuntimeSettings;
  vault: ConfigVault;
  logger?: Logger;
  clock?: Clock;
}

/** Every core service, built once. Doors receive this and convert and forward only. */
export interface Titan {
  runtime: RuntimeSettings;
  vault: ConfigVault;
  logger: Logger;
  clock: Clock;
  warehouse: Warehouse;
  health(): Promise<HealthReport>;
  /** Closes what was opened, in reverse order; safe to call twice. */
  close(): Promise<void>;
}

export async function createTitan(options: TitanOptions): Promise<Titan> {
  const { runtime, vault } = options;
  const clock = options.clock ?? systemClock;
  const logger =
    options.logger ?? createLogger({ level: runtime.logLevel, secrets: () => vault.secretValues() });
  const warehouse = createSqliteWarehouse({ path: path.join(runtime.dataDir, 'titan.db') });
  await warehouse.migrate();

  let closed = false;
  return {
    runtime,
    vault,
    logger,
    clock,
    warehouse,
    health: () => checkHealth(warehouse, vault.get()),
    async close() {
      if (closed) return;
      closed = true;
      await warehouse.close();
    },
  };
}
