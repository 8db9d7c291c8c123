#!/usr/bin/env node
// Runs the node:test suites. `--pg` runs the same suites against PostgreSQL (TEST_DATABASE_URL or
// DATABASE_URL must point at a server whose user may CREATE DATABASE); `--e2e` runs the browser tests.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const e2e = args.includes('--e2e');
const pg = args.includes('--pg');
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

const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${e2e ? 1 : 2}`, '--test-reporter=spec', ...files],
  { stdio: 'inherit', env },
);
process.exit(result.status ?? 1);
