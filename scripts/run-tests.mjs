#!/usr/bin/env node
// Runs the node:test suites. `--pg` runs the same suites against PostgreSQL (TEST_DATABASE_URL or
// DATABASE_URL must point at a server whose user may CREATE DATABASE); `--e2e` runs the browser tests.
//
// Unit and API test files run several to a process ("bundles"): loading the platform's code costs about
// 3 s of CPU per process, more than many files' own tests, so one process per file spent most of the
// suite's time on start-up. Each file still gets its own database (a copy of the migrated template), and
// the bundles run in parallel, one per available core. `--isolate` runs one process per file instead.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const e2e = args.includes('--e2e');
const pg = args.includes('--pg');
const isolate = args.includes('--isolate');
const filters = args.filter((a) => !a.startsWith('--'));

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(p).isDirectory() ? walk(p) : [p];
  });

const files = [...walk('src'), ...walk('test')]
  .filter((f) => (e2e ? /\.e2e\.ts$/.test(f) : /\.test\.ts$/.test(f)))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

if (files.length === 0) {
  console.error('没有找到测试文件');
  process.exit(1);
}

const env = { ...process.env, TZ: 'Asia/Shanghai', NODE_ENV: 'test' };
if (pg) {
  env.TEST_DB = 'pg';
  env.TEST_DATABASE_URL ??= env.DATABASE_URL;
  if (!env.TEST_DATABASE_URL) {
    console.error('--pg 需要 TEST_DATABASE_URL 或 DATABASE_URL');
    process.exit(1);
  }
} else {
  env.TEST_DB = 'pglite';
}
delete env.DATABASE_URL;

const jobs = Math.max(1, availableParallelism());
const bundleDir = resolve('.tmp', 'test-bundles', String(process.pid));

/**
 * Splits the files into bundles of about equal cost (longest first onto the lightest bundle; a file's
 * size stands for its cost), three bundles a core so that one slow bundle does not hold the run up.
 */
const bundle = (list) => {
  const count = Math.min(list.length, jobs * 3);
  const bins = Array.from({ length: count }, () => ({ cost: 0, files: [] }));
  for (const f of [...list].sort((a, b) => statSync(b).size - statSync(a).size)) {
    const bin = bins.reduce((a, b) => (b.cost < a.cost ? b : a));
    bin.files.push(f);
    bin.cost += statSync(f).size + 4000; // + a file's fixed cost: its own database and sign-ins
  }
  rmSync(bundleDir, { recursive: true, force: true });
  mkdirSync(bundleDir, { recursive: true });
  return bins.map((bin, i) => {
    const entry = join(bundleDir, `bundle-${String(i + 1).padStart(2, '0')}.test.mjs`);
    const body = bin.files.sort().map((f) => `await import(${JSON.stringify(pathToFileURL(resolve(f)).href)});`);
    writeFileSync(entry, `// ${bin.files.length} 个测试文件\n${body.join('\n')}\n`);
    return entry;
  });
};

const targets = e2e || isolate || files.length === 1 ? files : bundle(files);
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${e2e ? 1 : jobs}`, '--test-reporter=spec', ...targets],
  { stdio: 'inherit', env },
);
rmSync(bundleDir, { recursive: true, force: true });
process.exit(result.status ?? 1);
