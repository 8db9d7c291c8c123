/**
 * 执法主体、人员与证件 through HTTP: the main path (register a body, an officer with a 执法证, 调离 →
 * the certificate is 注销 in the same transaction), 年审 against the training target, 清理 and its bulk
 * 注销, the 法制审核 ratio, concurrency (409), bad input, the Excel import with its per-row report and
 * its speed, statistics and the benchmark document.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestWorld, type TestClient, type TestWorld } from '../../../../test/support/test-platform';
import { createBodyVia, createOfficerVia, OFFICER_HEADERS, officerBody, uploadXlsx, validIdNumber, xlsx } from './test/fixtures';

describe('行政执法主体、人员与证件（HTTP）', () => {
  let world: TestWorld;
  let sup: TestClient;

  before(async () => {
    world = await createTestWorld({ now: '2026-11-23T09:00:00' });
    sup = await world.login('supervisorA');
  });
  after(() => world.close());

  test('主流程：登记主体、登记人员并发证，调离后其执法证同时注销', async () => {
    const body = await createBodyVia(sup, world);
    const { officer, certificate } = await createOfficerVia(sup, body.id);
    assert.ok(certificate);
    const detail = await sup.get(`/api/enforcement/officers/${officer.id}`);
    assert.equal(detail.status, 200);
    assert.match(detail.body.record.idNumber, /^\d{6}\*+\d{4}$|\*/, '身份证号脱敏显示');
    assert.deepEqual(detail.body.transitions.map((t: { name: string }) => t.name).sort(), ['dismiss', 'retire', 'transfer']);
    const res = await sup.post(`/api/enforcement/officers/${officer.id}/transitions/transfer`, { version: officer.version, input: { statusDate: '2026-11-20', reason: '调往县财政局' } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.officer.status, 'transferred');
    assert.equal(res.body.cancelledCertificates, 1);
    const cert = await sup.get(`/api/enforcement/certificates/${certificate.id}`);
    assert.equal(cert.body.record.status, 'revoked');
    assert.equal(cert.body.record.revokeKind, 'cancelled');
    assert.match(cert.body.record.statusReason, /调离/);
    assert.deepEqual(cert.body.transitions, [], '已注销的证件没有可办理的操作');
    // 办理过程 of the certificate records the 注销.
    assert.equal(cert.body.history.at(-1).transition, 'cancel');
  });

  test('民法典第二百零二条：执法证有效期 3 年按年计算，2024-02-29 发证最后有效日为 2027-02-28（无对应日取月末）', async () => {
    const body = await createBodyVia(sup, world);
    world.clock.set('2024-03-01T09:00:00');
    try {
      const leap = await createOfficerVia(sup, body.id, { certificate: { kind: 'enforcement', certNo: 'ZF-LEAP-0229', issuedDate: '2024-02-29' } });
      assert.equal(leap.certificate!.expiresDate, '2027-02-28');
    } finally {
      world.clock.set('2026-11-23T09:00:00');
    }
  });

  test('民法典第二百零二条：有效期末日落在国庆假期（2023-10-01 发证 → 2026-10-01）不顺延：证件有效期不是办事期限', async () => {
    const body = await createBodyVia(sup, world);
    const o = await createOfficerVia(sup, body.id, { certificate: { kind: 'enforcement', certNo: 'ZF-GQ-1001', issuedDate: '2023-10-01' } });
    assert.equal(o.certificate!.expiresDate, '2026-10-01');
    // Past its last valid day, it shows in 清理 as expired.
    const list = await sup.get(`/api/enforcement/certificates/cleanup?q=ZF-GQ-1001`);
    assert.equal(list.body.total, 1);
    assert.match(list.body.items[0].cleanupReason, /已超过有效期/);
  });

  test('年审：年度培训学时未达到设置的目标（默认 60 学时）则不通过，达到则通过；同一年度不能重复年审', async () => {
    const body = await createBodyVia(sup, world);
    const { officer, certificate } = await createOfficerVia(sup, body.id);
    await sup.post(`/api/enforcement/officers/${officer.id}/trainings`, { trainedDate: '2026-04-10', course: '行政处罚法专题培训', hours: 40 });
    let c = (await sup.get(`/api/enforcement/certificates/${certificate!.id}`)).body.record;
    const failed = await sup.post(`/api/enforcement/certificates/${certificate!.id}/annual-review`, { version: c.version, year: 2026 });
    assert.equal(failed.status, 200, JSON.stringify(failed.body));
    assert.equal(failed.body.review.passed, false);
    assert.match(failed.body.review.reason, /40 学时，未达到 60 学时/);
    // Failed: listed for 清理.
    const cleanup = await sup.get(`/api/enforcement/certificates/cleanup?q=${certificate!.certNo}`);
    assert.match(cleanup.body.items[0].cleanupReason, /年审未通过/);
    c = (await sup.get(`/api/enforcement/certificates/${certificate!.id}`)).body.record;
    const again = await sup.post(`/api/enforcement/certificates/${certificate!.id}/annual-review`, { version: c.version, year: 2026 });
    assert.equal(again.status, 409);
    // Lower the target to 40 for 甲县: a second certificate with 40 hours passes.
    const settings = (await sup.get(`/api/enforcement/bodies/settings`)).body;
    assert.equal(settings.orgId, world.units.countyA);
    assert.equal(settings.trainingHoursTarget, 60);
    const put = await sup.put('/api/enforcement/bodies/settings', { orgId: world.units.countyA, trainingHoursTarget: 40, legalReviewerMinPercent: 5, certValidityYears: 3, version: null });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const other = await createOfficerVia(sup, body.id);
    await sup.post(`/api/enforcement/officers/${other.officer.id}/trainings`, { trainedDate: '2026-05-10', course: '三项制度培训', hours: 40 });
    const ok = await sup.post(`/api/enforcement/certificates/${other.certificate!.id}/annual-review`, { version: other.certificate!.version, year: 2026 });
    assert.equal(ok.body.review.passed, true);
    assert.equal(ok.body.certificate.lastReviewYear, 2026);
    await sup.put('/api/enforcement/bodies/settings', { orgId: world.units.countyA, trainingHoursTarget: 60, legalReviewerMinPercent: 5, certValidityYears: 3, version: put.body.version });
  });

  test('清理：退休人员仍有效的证件列入应清理清单，批量注销后不再列出；范围外的证件不能注销', async () => {
    const body = await createBodyVia(sup, world);
    const a = await createOfficerVia(sup, body.id);
    // A retired officer whose certificate was left valid (as found in a 全面核查).
    const { enforcementOfficer } = await import('./schema');
    const { eq } = await import('drizzle-orm');
    await world.platform.services.db.update(enforcementOfficer).set({ status: 'retired' }).where(eq(enforcementOfficer.id, a.officer.id));
    const list = await sup.get(`/api/enforcement/certificates/cleanup?q=${a.certificate!.certNo}`);
    assert.equal(list.body.total, 1);
    assert.match(list.body.items[0].cleanupReason, /持证人已不在岗/);
    const bulk = await sup.post('/api/enforcement/certificates/cleanup', { ids: [a.certificate!.id], reason: '全面核查：持证人已退休' });
    assert.equal(bulk.status, 200);
    assert.equal(bulk.body.cancelled, 1);
    assert.equal((await sup.get(`/api/enforcement/certificates/cleanup?q=${a.certificate!.certNo}`)).body.total, 0);
    // A certificate of 乙县 (outside 甲县) cannot be cancelled by 甲县司法局.
    const office = await world.login('office');
    void office;
    const { insertBody, insertOfficer } = await import('../test/fixtures');
    const bBody = await insertBody(world, world.units.countyBGov);
    const bOfficer = await insertOfficer(world, bBody);
    const { enforcementCertificate } = await import('./schema');
    const [bCert] = await world.platform.services.db.insert(enforcementCertificate).values({ officerId: bOfficer.id, orgId: bBody.orgId, kind: 'enforcement', certNo: 'ZF-B-0001', issuedDate: '2025-01-01', expiresDate: '2028-01-01' }).returning();
    const refused = await sup.post('/api/enforcement/certificates/cleanup', { ids: [bCert!.id], reason: '越权注销' });
    assert.equal(refused.status, 404);
  });

  test('法制审核人员比例：按主体计算，低于设置的 5% 标红', async () => {
    const body = await createBodyVia(sup, world);
    for (let i = 0; i < 3; i += 1) await createOfficerVia(sup, body.id, { certificate: null });
    let detail = (await sup.get(`/api/enforcement/bodies/${body.id}`)).body.record;
    assert.equal(detail.officers, 3);
    assert.equal(detail.legalReviewerRatio, 0);
    assert.equal(detail.legalReviewerBelow, true);
    await createOfficerVia(sup, body.id, { certificate: null, isLegalReviewer: true });
    detail = (await sup.get(`/api/enforcement/bodies/${body.id}`)).body.record;
    assert.equal(detail.legalReviewerRatio, 25);
    assert.equal(detail.legalReviewerBelow, false);
  });

  test('委托执法：须有委托机关、范围和期限；期限已过标记“委托已到期”', async () => {
    const bad = await sup.post('/api/enforcement/bodies', { orgId: world.units.townA, name: '甲镇人民政府（受委托）', kind: 'entrusted', legalBasis: '《行政处罚法》第二十条' });
    assert.equal(bad.status, 422);
    const paths = bad.body.details.fields.map((f: { path: string }) => f.path).sort();
    assert.deepEqual(paths, ['entrustScope', 'entrustUntil', 'entrustingOrgId']);
    const b = await createBodyVia(sup, world, { orgId: world.units.townA, name: '甲镇人民政府（受委托）', kind: 'entrusted', entrustingOrgId: world.units.countyADept, entrustScope: '违法占地巡查与处罚', entrustFrom: '2024-01-01', entrustUntil: '2026-06-30' });
    const detail = (await sup.get(`/api/enforcement/bodies/${b.id}`)).body.record;
    assert.equal(detail.entrustExpired, true);
    const expired = await sup.get('/api/enforcement/bodies?entrustExpired=true');
    assert.ok(expired.body.items.some((x: { id: number }) => x.id === b.id));
  });

  test('年度确认：确认后记录日期和确认人，不在本年未确认清单中；两人同时确认，后者 409', async () => {
    const b = await createBodyVia(sup, world);
    let unconfirmed = await sup.get('/api/enforcement/bodies?unconfirmedYear=2026&pageSize=200');
    assert.ok(unconfirmed.body.items.some((x: { id: number }) => x.id === b.id));
    const [r1, r2] = await Promise.all([
      sup.post(`/api/enforcement/bodies/${b.id}/transitions/confirm`, { version: b.version, input: { confirmedDate: '2026-11-23' } }),
      sup.post(`/api/enforcement/bodies/${b.id}/transitions/confirm`, { version: b.version, input: { confirmedDate: '2026-11-23' } }),
    ]);
    assert.deepEqual([r1.status, r2.status].sort(), [200, 409]);
    const detail = (await sup.get(`/api/enforcement/bodies/${b.id}`)).body.record;
    assert.equal(detail.confirmedDate, '2026-11-23');
    assert.equal(detail.confirmedThisYear, true);
    assert.ok(detail.confirmedByName);
    unconfirmed = await sup.get('/api/enforcement/bodies?unconfirmedYear=2026&pageSize=200');
    assert.ok(!unconfirmed.body.items.some((x: { id: number }) => x.id === b.id));
  });

  test('并发：两人按同一版本修改执法主体，一人成功，另一人 409 且不覆盖', async () => {
    const b = await createBodyVia(sup, world);
    const patch = (legalBasis: string) => sup.patch(`/api/enforcement/bodies/${b.id}`, { version: b.version, name: b.name, kind: 'statutory', legalBasis });
    const [r1, r2] = await Promise.all([patch('《土地管理法》第六十七条（甲）'), patch('《土地管理法》第六十七条（乙）')]);
    assert.deepEqual([r1.status, r2.status].sort(), [200, 409]);
    const winner = r1.status === 200 ? r1.body.legalBasis : r2.body.legalBasis;
    assert.equal((await sup.get(`/api/enforcement/bodies/${b.id}`)).body.record.legalBasis, winner);
  });

  test('错误输入：身份证校验位错误、重复身份证号（盲索引）、重复证件编号，一律 422 且不写入', async () => {
    const b = await createBodyVia(sup, world);
    const badId = await sup.post('/api/enforcement/officers', officerBody(b.id, { idNumber: '110101199001011230' }));
    assert.equal(badId.status, 422);
    assert.equal(badId.body.details.fields[0].path, 'idNumber');
    const first = await createOfficerVia(sup, b.id);
    void first;
    const idNumber = validIdNumber(777);
    await createOfficerVia(sup, b.id, { idNumber, certificate: null });
    const dupId = await sup.post('/api/enforcement/officers', officerBody(b.id, { idNumber: idNumber.toLowerCase() }));
    assert.equal(dupId.status, 422);
    assert.match(dupId.body.details.fields[0].message, /已登记/);
    const dupCert = await sup.post('/api/enforcement/officers', officerBody(b.id, { certificate: { kind: 'enforcement', certNo: first.certificate!.certNo, issuedDate: '2026-01-05' } }));
    assert.equal(dupCert.status, 422);
    assert.equal(dupCert.body.details.fields[0].path, 'certNo');
    const count = (await sup.get(`/api/enforcement/officers?bodyId=${b.id}`)).body.total;
    assert.equal(count, 2, '出错的登记不写入人员');
  });

  test('导入执法人员：有一行错误则全部不写入，逐行报告（重复身份证号、未知主体、错误日期、重复证件编号）', async () => {
    const b = await createBodyVia(sup, world, { name: '甲县导入测试执法主体' });
    const exist = await createOfficerVia(sup, b.id);
    const existing = (await sup.get(`/api/enforcement/officers/${exist.officer.id}`)).body;
    void existing;
    const rows = [
      [b.name, '导入甲', validIdNumber(9001), '执法队员', '否', '行政执法证', 'IMP-0001', '2026-01-05', ''],
      [b.name, '导入乙', validIdNumber(9001), '执法队员', '否', '行政执法证', 'IMP-0002', '2026-01-05', ''],
      ['不存在的执法主体', '导入丙', validIdNumber(9003), '执法队员', '否', '', '', '', ''],
      [b.name, '导入丁', validIdNumber(9004), '执法队员', '是', '行政执法证', 'IMP-0004', '2026-02-30', ''],
      [b.name, '导入戊', validIdNumber(9005), '执法队员', '否', '行政执法证', 'IMP-0001', '2026-01-05', ''],
    ];
    const res = await uploadXlsx(sup, '/api/enforcement/officers/import', await xlsx(OFFICER_HEADERS, rows));
    assert.equal(res.status, 422);
    const errs = res.body.errors as { row: number; field: string; message: string }[];
    assert.ok(errs.some((e) => e.row === 3 && e.field === '身份证号码' && /第 2 行重复/.test(e.message)));
    assert.ok(errs.some((e) => e.row === 4 && e.field === '执法主体'));
    assert.ok(errs.some((e) => e.row === 5 && e.field === '发证日期'));
    assert.ok(errs.some((e) => e.row === 6 && e.field === '证件编号'));
    assert.equal((await sup.get(`/api/enforcement/officers?bodyId=${b.id}`)).body.total, 1, '全部不写入');
  });

  test('导入 3000 名执法人员及证件：全部写入，数秒内完成', async () => {
    const b = await createBodyVia(sup, world, { name: '甲县批量导入执法主体' });
    const rows = Array.from({ length: 3000 }, (_, i) => [b.name, `批量${i}`, validIdNumber(20000 + i, '330921'), '执法队员', i % 20 === 0 ? '是' : '否', '行政执法证', `BULK-${String(i).padStart(5, '0')}`, '2026-01-05', '']);
    const file = await xlsx(OFFICER_HEADERS, rows);
    const started = Date.now();
    const res = await uploadXlsx(sup, '/api/enforcement/officers/import', file);
    const ms = Date.now() - started;
    assert.equal(res.status, 200, JSON.stringify(res.body).slice(0, 500));
    assert.equal(res.body.created, 3000);
    assert.equal(res.body.certificates, 3000);
    console.log(`导入 3000 行用时 ${ms} ms`);
    assert.ok(ms < 15_000, `导入用时 ${ms} ms`);
    assert.equal((await sup.get(`/api/enforcement/officers?bodyId=${b.id}`)).body.total, 3000);
  });

  test('导出：人员导出只含脱敏身份证号；证件导出按筛选', async () => {
    const b = await createBodyVia(sup, world, { name: '甲县导出测试执法主体' });
    const idNumber = validIdNumber(4242);
    await createOfficerVia(sup, b.id, { idNumber });
    const res = await sup.request('GET', `/api/enforcement/officers/export?bodyId=${b.id}`);
    assert.equal(res.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    const sheet = JSON.stringify(wb.worksheets[0]!.getSheetValues());
    assert.ok(!sheet.includes(idNumber), '导出不含完整身份证号');
    assert.ok(sheet.includes(`${idNumber.slice(0, 3)}***********${idNumber.slice(-4)}`), '导出脱敏身份证号');
  });
});
