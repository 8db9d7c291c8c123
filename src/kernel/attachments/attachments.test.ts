import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createTestWorld, type TestClient, type TestWorld } from '../../../test/support/test-platform';
import { signInAs } from '../../../test/support/sign-in';
import { registerVia } from '../../modules/disclosure/test/fixtures';
import { safeFileName } from './attachment-service';

const pdfBytes = (text = '测试答复书'): Buffer => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(`% ${text}\n`), Buffer.from('%%EOF\n')]);

describe('附件', () => {
  let world: TestWorld;
  let handlerA: TestClient;
  let requestId: number;

  const upload = (client: TestClient, fileName: string, data: Buffer, over: Record<string, string> = {}) => {
    const form = new FormData();
    form.append('ownerType', over.ownerType ?? 'disclosure_request');
    form.append('ownerId', over.ownerId ?? String(requestId));
    if (over.category) form.append('category', over.category);
    form.append('file', new File([new Uint8Array(data)], fileName));
    return client.post('/api/attachments', form);
  };

  const listFor = (client: TestClient, id = requestId) => client.get(`/api/attachments?ownerType=disclosure_request&ownerId=${id}`);

  const storedFiles = (): string[] => {
    const root = world.platform.services.config.filesDir;
    if (!existsSync(root)) return [];
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
    return walk(root);
  };

  before(async () => {
    world = await createTestWorld();
    handlerA = await signInAs(world, 'handlerA');
    requestId = (await registerVia(handlerA, world.units.countyAGov)).id;
  });
  after(() => world.close());

  test('上传 PDF：返回 SHA-256 与 SM3 摘要，与文件内容一致', async () => {
    const data = pdfBytes();
    const res = await upload(handlerA, '申请材料.pdf', data, { category: '申请材料' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.sha256, createHash('sha256').update(data).digest('hex'));
    assert.equal(res.body.sm3, createHash('sm3').update(data).digest('hex'));
    assert.equal(res.body.size, data.length);
    assert.equal(res.body.mimeType, 'application/pdf');
    assert.equal(res.body.fileName, '申请材料.pdf');
    assert.equal(res.body.storageKey, undefined, '不向客户端暴露存储位置');
    const list = await listFor(handlerA);
    assert.ok(list.body.items.some((i: { id: string }) => i.id === res.body.id));
  });

  test('下载返回原样字节，Content-Disposition 带 UTF-8 文件名', async () => {
    const data = pdfBytes('下载测试');
    const name = '答复书（2026）第1号.pdf';
    const up = await upload(handlerA, name, data);
    const res = await handlerA.get(`/api/attachments/${up.body.id}/download`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.raw, data);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    const disposition = res.headers.get('content-disposition') ?? '';
    assert.match(disposition, /^attachment;/);
    assert.ok(disposition.includes(`filename*=UTF-8''${encodeURIComponent(name)}`), disposition);
  });

  test('扩展名不在允许清单内（.exe）→ 415', async () => {
    const res = await upload(handlerA, 'setup.exe', Buffer.from('MZ\x90\x00 fake executable'));
    assert.equal(res.status, 415);
    assert.equal(res.body.code, 'UNSUPPORTED_MEDIA_TYPE');
  });

  test('扩展名为 .pdf 但内容不是 PDF → 415，且不留下文件', async () => {
    const before = storedFiles().length;
    const res = await upload(handlerA, 'invoice.pdf', Buffer.from('MZ\x90\x00 this is not a pdf'));
    assert.equal(res.status, 415);
    assert.equal(storedFiles().length, before);
  });

  test('超过大小上限（1 MiB）→ 413', async () => {
    const limit = world.platform.services.config.maxUploadBytes;
    const data = Buffer.concat([pdfBytes(), Buffer.alloc(limit, 0x20)]);
    const res = await upload(handlerA, 'big.pdf', data);
    assert.equal(res.status, 413);
    assert.equal(res.body.code, 'PAYLOAD_TOO_LARGE');
    const exact = Buffer.concat([pdfBytes(), Buffer.alloc(limit - pdfBytes().length, 0x20)]);
    assert.equal(exact.length, limit);
    assert.equal((await upload(handlerA, 'limit.pdf', exact)).status, 200, '恰好等于上限可以上传');
  });

  test('远超上限（3 MiB）的请求体 → 413', async () => {
    const res = await upload(handlerA, 'huge.pdf', Buffer.concat([pdfBytes(), Buffer.alloc(3 * 1024 * 1024)]));
    assert.equal(res.status, 413);
  });

  test('空文件 → 422', async () => {
    const res = await upload(handlerA, 'empty.pdf', Buffer.alloc(0));
    assert.equal(res.status, 422);
  });

  test('含路径的文件名（../../etc/passwd.pdf）只保留安全的文件名，文件存放在附件目录内', async () => {
    const res = await upload(handlerA, '../../etc/passwd.pdf', pdfBytes());
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.fileName, 'passwd.pdf');
    const win = await upload(handlerA, '..\\..\\Windows\\system32\\x.pdf', pdfBytes());
    assert.equal(win.body.fileName, 'x.pdf');
    const hidden = await upload(handlerA, '..pdf.pdf', pdfBytes());
    assert.doesNotMatch(hidden.body.fileName, /^\./);
    const root = world.platform.services.config.filesDir;
    for (const f of storedFiles()) {
      const rel = relative(root, f);
      assert.ok(!rel.startsWith('..') && !rel.includes(`..${sep}`), rel);
      assert.doesNotMatch(rel, /passwd|\.pdf$/);
    }
    const download = await handlerA.get(`/api/attachments/${res.body.id}/download`);
    assert.match(download.headers.get('content-disposition') ?? '', /filename\*=UTF-8''passwd\.pdf/);
  });

  test('safeFileName: 去掉路径、控制字符、保留字符和开头的点', () => {
    assert.equal(safeFileName('../../etc/passwd'), 'passwd');
    assert.equal(safeFileName('C:\\Users\\a\\答复书.pdf'), '答复书.pdf');
    assert.equal(safeFileName('a\u0000b\r\n<c>:"d"|e?*.pdf'), 'abcde.pdf');
    assert.equal(safeFileName('.htaccess'), 'htaccess');
    assert.equal(safeFileName('../..'), '未命名文件');
    assert.equal(safeFileName(`${'长'.repeat(200)}.pdf`).length, 120);
    assert.match(safeFileName(`${'长'.repeat(200)}.pdf`), /\.pdf$/, '截断时保留扩展名');
  });

  test('数据权限: 其他县的办理人员查看或下载附件均返回 404', async () => {
    const up = await upload(handlerA, '仅甲县可见.pdf', pdfBytes());
    assert.equal(up.status, 200);
    const handlerB = await signInAs(world, 'handlerB');
    const list = await listFor(handlerB);
    assert.equal(list.status, 404);
    const download = await handlerB.get(`/api/attachments/${up.body.id}/download`);
    assert.equal(download.status, 404);
    assert.equal(download.body.code, 'NOT_FOUND');
    assert.doesNotMatch(download.raw.toString('latin1'), /%PDF/);
  });

  test('数据权限: 不能向数据范围外的记录上传附件（404）', async () => {
    const handlerB = await signInAs(world, 'handlerB');
    const res = await upload(handlerB, '越权上传.pdf', pdfBytes());
    assert.equal(res.status, 404);
    const list = await listFor(handlerA);
    assert.ok(!list.body.items.some((i: { fileName: string }) => i.fileName === '越权上传.pdf'));
  });

  test('只读角色可以查看和下载，但不能上传', async () => {
    const leader = await signInAs(world, 'leaderA');
    const up = await upload(handlerA, '领导可阅.pdf', pdfBytes());
    assert.equal((await listFor(leader)).status, 200);
    assert.equal((await leader.get(`/api/attachments/${up.body.id}/download`)).status, 200);
    assert.equal((await upload(leader, '领导上传.pdf', pdfBytes())).status, 404);
  });

  test('不支持的归属类型 → 422；不存在的附件 → 404', async () => {
    const res = await upload(handlerA, 'a.pdf', pdfBytes(), { ownerType: 'app_user', ownerId: String(world.users.handlerA) });
    assert.equal(res.status, 422);
    assert.equal((await handlerA.get('/api/attachments/00000000-0000-4000-8000-000000000000/download')).status, 404);
    assert.equal((await handlerA.get('/api/attachments/not-a-uuid/download')).status, 404);
  });
});
