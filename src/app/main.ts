import { createServer } from 'node:net';
import { serve } from '@hono/node-server';
import { loadConfig, ConfigError, type AppConfig } from './config';
import { createPlatform, type Platform } from './platform';
import { modules } from './modules';
import { DataDirLockedError } from '../kernel/db/data-dir-lock';
import { DataDirPermissionError } from '../kernel/db/data-dir-permissions';
import { prepareDataDir, sealDataDir } from './data-dir';
import { describeErrorForLog } from '../kernel/errors/log-redaction';
import { AppError } from '../kernel/errors/app-error';
import { systemCtx } from '../kernel/context';
import { scanClocks } from '../kernel/workflow/clock-scan';
import { DEMO_PASSWORD, hasUsers, seedBuiltinRoles, seedDemo } from './seed/demo';
import { verifyPassword } from '../kernel/auth/password';
import { appUser } from '../kernel/db/schema';
import { InvalidModuleDefinition } from '../kernel/module/registry';

const SCAN_INTERVAL_MS = 10 * 60_000;
const OUTBOX_INTERVAL_MS = 5_000;

/** Fails with one clear line instead of a stack trace. */
const fail = (message: string): never => {
  console.error(`启动失败：${message}`);
  process.exit(1);
};

const checkPortFree = (config: AppConfig): Promise<void> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) =>
      reject(new ConfigError(err.code === 'EADDRINUSE' ? `端口 ${config.port} 已被占用，请设置 PORT 使用其他端口` : `无法监听 ${config.host}:${config.port}（${err.code}）`)),
    );
    probe.once('listening', () => probe.close(() => resolve()));
    probe.listen(config.port, config.host);
  });

/** Production refuses to run with no administrator, or with an account still holding the demo password. */
const checkProductionAccounts = async (platform: Platform): Promise<void> => {
  const ctx = systemCtx(platform.services);
  if (!(await hasUsers(ctx))) fail('生产模式下尚未设置管理员口令，请先运行 npm run admin:init 设置首位系统管理员的口令');
  const users = await ctx.db.select({ username: appUser.username, hash: appUser.passwordHash }).from(appUser);
  for (const u of users) {
    if (u.hash && (await verifyPassword(DEMO_PASSWORD, u.hash))) fail(`账号 ${u.username} 仍使用演示口令，生产模式拒绝启动；请修改口令或使用新的数据目录`);
  }
};

const main = async () => {
  let config: AppConfig;
  try {
    config = loadConfig();
    await checkPortFree(config);
  } catch (err) {
    return fail((err as Error).message);
  }
  let releaseLock: () => void;
  try {
    releaseLock = prepareDataDir(config.dataDir, !config.databaseUrl);
  } catch (err) {
    const known = err instanceof DataDirLockedError || err instanceof DataDirPermissionError;
    return fail(known ? (err as Error).message : `无法使用数据目录 ${config.dataDir}：${(err as Error).message}`);
  }
  let platform: Platform;
  try {
    platform = await createPlatform({ config, modules, databaseUrl: config.databaseUrl, serveWeb: true });
    sealDataDir(config.dataDir);
  } catch (err) {
    if (err instanceof AppError || err instanceof InvalidModuleDefinition || err instanceof DataDirPermissionError) return fail(err.message);
    throw err;
  }
  const ctx = systemCtx(platform.services);
  await seedBuiltinRoles(ctx.db, modules);
  let demoUsers: Awaited<ReturnType<typeof seedDemo>>['users'] | undefined;
  if (config.production) await checkProductionAccounts(platform);
  else if (config.demo && !(await hasUsers(ctx))) {
    console.log('空数据库：正在写入演示数据（示范市）……');
    demoUsers = (await seedDemo(ctx)).users;
  }

  const runScan = () =>
    scanClocks(systemCtx(platform.services, 'clock-scan')).catch((err: unknown) => console.error(`期限扫描失败：${describeErrorForLog(err)}`));
  await runScan();
  const timer = setInterval(runScan, SCAN_INTERVAL_MS);
  timer.unref();
  // 事件投递: a pass every few seconds (skipped while one runs) and one right after each mutating request.
  platform.outbox.start(OUTBOX_INTERVAL_MS);

  const server = serve({ fetch: platform.app.fetch, port: config.port, hostname: config.host });
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}/`;
  console.log(`法治政府建设综合管理平台已启动：${url}`);
  console.log(`数据库：${config.databaseUrl ? 'PostgreSQL（DATABASE_URL）' : `内嵌 PGlite（${config.dataDir}）`}  接口文档：${url}api/docs`);
  if (demoUsers) {
    console.log(`\n演示账号（口令均为 ${DEMO_PASSWORD}，仅供演示；管理员首次登录需绑定动态口令）：`);
    for (const u of demoUsers) console.log(`  ${u.username.padEnd(10)} ${u.displayName}（${u.roles.join('、')}）`);
    console.log(`公众门户：${url}portal/disclosure\n`);
  }
  const shutdown = () => {
    clearInterval(timer);
    server.close();
    void platform.close().finally(() => {
      releaseLock();
      process.exit(0);
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
};

main().catch((err: unknown) => fail((err as Error).message ?? String(err)));
