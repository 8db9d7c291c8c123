/** Browser-test support: the real server on a fresh copy of a demo data directory, and headless Debian Chromium. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const SHOTS = join(process.cwd(), 'test-results', 'screenshots');

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** Runs `src/app/main.ts` on `dataDir` and waits until it prints its address. */
const runServer = async (dataDir: string, port: number): Promise<{ child: ChildProcess; output: () => string }> => {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/app/main.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), NODE_ENV: 'development', DEMO_DATA: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += String(d)));
  child.stderr!.on('data', (d) => (output += String(d)));
  const started = Date.now();
  while (!output.includes('已启动')) {
    if (child.exitCode !== null) throw new Error(`服务器启动失败：\n${output}`);
    if (Date.now() - started > 180_000) throw new Error(`服务器启动超时：\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, output: () => output };
};

const stopServer = async (child: ChildProcess): Promise<void> => {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
};

// The demo data directory's identity: the code that migrates and seeds it, and the day (demo records are
// dated relative to today). A changed seed or migration builds a new one.
const demoTemplateKey = (): string => {
  const h = createHash('sha256');
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = join(dir, e.name);
      if (e.isDirectory()) return e.name === 'ui' || e.name === 'web' ? [] : walk(p);
      return /\.ts$/.test(e.name) && !/\.(test|e2e)\.ts$/.test(e.name) ? [p] : [];
    });
  for (const f of [...walk(join(process.cwd(), 'src')), ...walk(join(process.cwd(), 'drizzle'))].sort()) h.update(f).update(readFileSync(f));
  for (const f of readdirSync(join(process.cwd(), 'drizzle')).filter((n) => n.endsWith('.sql')).sort()) h.update(readFileSync(join(process.cwd(), 'drizzle', f)));
  h.update(new Date().toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' }));
  return h.digest('hex').slice(0, 16);
};

/**
 * A data directory with the demo jurisdiction already seeded, built once by starting the real server on
 * it and stopping it cleanly: seeding costs ~25 s of CPU, which every browser test file paid again.
 */
const demoTemplate = async (port: number): Promise<string> => {
  const root = join(process.cwd(), '.tmp', 'e2e-templates');
  mkdirSync(root, { recursive: true });
  const dir = join(root, demoTemplateKey());
  if (existsSync(join(dir, 'ready'))) return dir;
  const lock = `${dir}.lock`;
  for (let i = 0; ; i += 1) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch {
      if (existsSync(join(dir, 'ready'))) return dir;
      if (i > 1800) throw new Error(`等待演示数据模板超时：${lock}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    if (existsSync(join(dir, 'ready'))) return dir;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { child } = await runServer(dir, port);
    await stopServer(child);
    writeFileSync(join(dir, 'ready'), '');
    return dir;
  } finally {
    rmSync(lock, { force: true });
  }
};

/** Starts `src/app/main.ts` on a fresh copy of the demo data directory, on a free port. */
export const startServer = async (): Promise<RunningServer> => {
  if (!existsSync(join(process.cwd(), 'dist-web', 'index.html'))) throw new Error('缺少 dist-web：请先运行 npm run build:web');
  const port = 3900 + (process.pid % 500);
  const template = await demoTemplate(port);
  const dataDir = mkdtempSync(join(tmpdir(), 'fz-e2e-'));
  cpSync(template, dataDir, { recursive: true, filter: (src) => !src.endsWith('ready') && !src.endsWith('platform.lock') });
  const { child } = await runServer(dataDir, port);
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await stopServer(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });

export const newContext = async (browser: Browser): Promise<BrowserContext> => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  // A refused API call is what a failing browser step usually hides behind a timeout: print it (method,
  // path, status and the Chinese message) so the test output says why.
  context.on('response', (res) => {
    const path = new URL(res.url()).pathname;
    // Signed out, the shell asks who is signed in and gets 401: expected, not worth a line.
    if (res.status() < 400 || !path.startsWith('/api/') || (path === '/api/auth/me' && res.status() === 401)) return;
    void res
      .text()
      .catch(() => '')
      .then((body) => process.stderr.write(`[e2e] ${res.request().method()} ${path} → ${res.status()} ${body.slice(0, 300)}\n`));
  });
  return context;
};

export const shot = async (page: Page, name: string): Promise<void> => {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
};

/** Logs in through the login page and waits for the home page. */
export const login = async (page: Page, base: string, username: string, password = 'Demo@2026pass'): Promise<void> => {
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor();
};

export const logout = async (page: Page): Promise<void> => {
  await page.getByTestId('logout').click();
  await page.getByTestId('login-username').waitFor();
};

/** Picks an option of an antd Select by its visible label. */
export const pickOption = async (page: Page, testId: string, label: string): Promise<void> => {
  const option = page.locator('.ant-select-dropdown:visible').locator('.ant-select-item-option, .ant-select-tree-node-content-wrapper', { hasText: label }).first();
  // A dropdown opened while its modal is still zooming in can close again under a slow machine: open it
  // once more and retry, rather than fail on an animation.
  for (let attempt = 1; ; attempt += 1) {
    await page.getByTestId(testId).click();
    // Long option lists are virtualised: search first so the option is rendered.
    await page.keyboard.type(label);
    try {
      await option.click({ timeout: attempt < 3 ? 8_000 : 30_000 });
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
      // Close a dropdown still open (clicking the select toggles it) so the next attempt opens it afresh.
      if (await page.locator('.ant-select-dropdown:visible').count()) await page.getByTestId(testId).click();
    }
  }
};

/** Types a date into an antd DatePicker. */
export const typeDate = async (page: Page, testId: string, date: string): Promise<void> => {
  const input = page.getByTestId(testId).locator('input').or(page.locator(`input[data-testid="${testId}"]`)).first();
  await input.click();
  await input.fill(date);
  // Tab commits the typed date (Enter would also submit the form, which is what staff want when typing).
  await input.press('Tab');
};
