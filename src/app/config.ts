import { resolve, join } from 'node:path';
import type { PlatformConfig } from '../kernel/context';

export class ConfigError extends Error {}

const int = (name: string, fallback: number, min: number, max: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`环境变量 ${name}=${raw} 无效：应为 ${min} 至 ${max} 的整数`);
  return n;
};

export interface AppConfig extends PlatformConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  demo: boolean;
}

/** Reads the configuration from environment variables (listed in the README). */
export const loadConfig = (env = process.env): AppConfig => {
  const production = env.NODE_ENV === 'production';
  const dataDir = resolve(env.DATA_DIR || './data');
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ConfigError(`DATABASE_URL 无效：应以 postgres:// 或 postgresql:// 开头`);
  return {
    production,
    port: int('PORT', 3000, 1, 65535),
    host: env.HOST || '127.0.0.1',
    dataDir,
    filesDir: join(dataDir, 'files'),
    databaseUrl,
    demo: env.DEMO_DATA ? env.DEMO_DATA !== '0' : !production,
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', 30, 5, 120),
    sessionAbsoluteHours: int('SESSION_ABSOLUTE_HOURS', 12, 1, 24),
    maxUploadBytes: int('MAX_UPLOAD_MB', 20, 1, 200) * 1024 * 1024,
    cookieSecure: env.COOKIE_SECURE ? env.COOKIE_SECURE === '1' : production,
    trustProxy: env.TRUST_PROXY === '1',
  };
};
