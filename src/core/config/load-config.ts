// Reads the process environment once and returns the runtime settings and the config vault built on it.
import { mkdirSync } from 'node:fs';
import { type RuntimeSettings, readRuntimeSettings } from './runtime.ts';
import { type ConfigVault, createConfigVault } from './vault.ts';

export interface LoadedConfig {
  runtime: RuntimeSettings;
  vault: ConfigVault;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  const runtime = readRuntimeSettings(env);
  mkdirSync(runtime.dataDir, { recursive: true, mode: 0o700 });
  return { runtime, vault: createConfigVault({ dataDir: runtime.dataDir, env }) };
}
