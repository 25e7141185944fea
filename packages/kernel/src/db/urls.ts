import fs from 'node:fs';
import path from 'node:path';
import type { UbosConfig } from '../config.js';

export function appPasswordFile(dataDir: string): string {
  return path.join(dataDir, 'app-password');
}

/**
 * The serving role's connection: APP_DATABASE_URL as given, or the admin URL with the
 * ubos_app role and its password (UBOS_APP_PASSWORD, or the one generated into ./.ubos).
 */
export function deriveAppDatabaseUrl(config: UbosConfig, adminUrl: string | undefined = config.databaseUrl): string {
  if (config.appDatabaseUrl) return config.appDatabaseUrl;
  if (!adminUrl) throw new Error('Set APP_DATABASE_URL, or DATABASE_URL with UBOS_APP_PASSWORD, to run a subgraph on its own');
  const password = config.appPassword ?? readPasswordFile(config.dataDir);
  if (!password) throw new Error(`No password for ${config.appRole}: set UBOS_APP_PASSWORD or APP_DATABASE_URL`);
  const url = new URL(adminUrl);
  url.username = config.appRole;
  url.password = password;
  return url.toString();
}

function readPasswordFile(dataDir: string): string | undefined {
  const file = appPasswordFile(dataDir);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : undefined;
}
