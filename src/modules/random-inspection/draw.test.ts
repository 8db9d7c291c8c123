/** The draw algorithm on its own: reproducible from seed and snapshot, ratios per grade, conflicts, joint plans. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { DrawError, runDraw, sampleSize, snapshotDigest } from './draw';
import { isValidCreditCode, withCheckChar } from './credit-code';
import type { DrawSnapshot } from './schema';

const code = (n: number) => withCheckChar(`91330921MA${String(n).padStart(7, '0')}`);
const snapshot = (over: Partial<DrawSnapshot['params']> = {}, inspectors?: DrawSnapshot['inspectors']): DrawSnapshot => ({
  algorithm: 'hmac-sha256-rank/v1',
  params: { graded: true, gradeRatios: { A: 3, B: 5, C: 10, D: 20 }, ratioPercent: 5, units: [1], minInspectors: 2, ...over },
  targets: Array.from({ length: 400 }, (_, i) => ({ id: i + 1, creditCode: code(i + 1), grade: 'ABCD'[i % 4]! })),
  inspectors: inspectors ?? [
    { id: 1, orgId: 1, conflicts: [code(1), code(5)] },
    { id: 2, orgId: 1, conflicts: [] },
    { id: 3, orgId: 1, conflicts: [code(5)] },
    { id: 4, orgId: 1, conflicts: [] },
  ],
});

test('统一社会信用代码按 GB 32100 校验位校验', () => {
  assert.equal(isValidCreditCode('91350100M000100Y43'), true);
  assert.equal(isValidCreditCode('91350100M000100Y44'), false);
  assert.equal(isValidCreditCode('91350100M000100Y4'), false);
  assert.equal(isValidCreditCode('91350100I000100Y43'), false, '不得含字母 I');
  assert.equal(isValidCreditCode(code(42)), true);
});

test('同一种子和名录快照重复运行得到相同结果；换一个种子结果不同', () => {
  const seed = randomBytes(32).toString('hex');
  const s = snapshot();
  assert.deepEqual(runDraw(seed, s), runDraw(seed, structuredClone(s)));
  assert.notDeepEqual(runDraw(randomBytes(32).toString('hex'), s), runDraw(seed, s));
  assert.equal(snapshotDigest(s), snapshotDigest(structuredClone(s)));
  const changed = structuredClone(s);
  changed.targets[0]!.grade = 'D';
  assert.notEqual(snapshotDigest(changed), snapshotDigest(s), '名录变动后摘要不同');
});

test('分级抽取：按各信用等级比例向上取整抽取（A3% B5% C10% D20%，各 100 户 → 3+5+10+20）', () => {
  const groups = runDraw(randomBytes(32).toString('hex'), snapshot());
  const byGrade = (g: string) => groups.filter((x) => 'ABCD'[(x.targetId - 1) % 4] === g).length;
  assert.deepEqual([byGrade('A'), byGrade('B'), byGrade('C'), byGrade('D')], [3, 5, 10, 20]);
  assert.equal(sampleSize(101, 3), 4);
  assert.equal(sampleSize(100, 3), 3);
  const flat = runDraw(randomBytes(32).toString('hex'), snapshot({ graded: false, ratioPercent: 5 }));
  assert.equal(flat.length, 20);
});

test('每个检查对象至少 2 名检查人员，且有利害关系的人员回避', () => {
  for (let k = 0; k < 20; k += 1) {
    const groups = runDraw(randomBytes(32).toString('hex'), snapshot({ gradeRatios: { A: 100, B: 100, C: 100, D: 100 } }));
    for (const g of groups) {
      assert.ok(g.inspectorIds.length >= 2);
      assert.equal(new Set(g.inspectorIds).size, g.inspectorIds.length);
      if (g.targetId === 1) assert.ok(!g.inspectorIds.includes(1), '张某与 1 号对象有利害关系');
      if (g.targetId === 5) assert.deepEqual([...g.inspectorIds].sort(), [2, 4], '5 号对象只能由无利害关系的 2、4 号检查');
    }
  }
});

test('联合抽查：每个参与单位至少一名检查人员；某单位无可用人员时给出明确错误', () => {
  const inspectors = [
    { id: 1, orgId: 1, conflicts: [] },
    { id: 2, orgId: 1, conflicts: [] },
    { id: 3, orgId: 2, conflicts: [code(3)] },
  ];
  const s = snapshot({ units: [1, 2], minInspectors: 2 }, inspectors);
  s.targets = s.targets.filter((t) => t.id !== 3);
  for (const g of runDraw(randomBytes(32).toString('hex'), s)) {
    assert.ok(g.inspectorIds.includes(3), '参与单位的人员必须在检查组中');
    assert.ok(g.inspectorIds.some((i) => i === 1 || i === 2));
  }
  const all = snapshot({ units: [1, 2], gradeRatios: { A: 0, B: 0, C: 100, D: 0 } }, inspectors);
  assert.throws(() => runDraw(randomBytes(32).toString('hex'), all, { 2: '甲县政府办' }), (e: unknown) => e instanceof DrawError && /甲县政府办没有可抽取的执法检查人员/.test(e.message));
  const few = snapshot({}, [{ id: 1, orgId: 1, conflicts: [] }]);
  assert.throws(() => runDraw(randomBytes(32).toString('hex'), few), /执法检查人员不足/);
});
