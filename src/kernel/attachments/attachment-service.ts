import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import { AppError, notFound, validationError } from '../errors/app-error';
import { recordAudit } from '../audit/record-audit';
import type { Ctx } from '../context';
import { attachment } from '../db/schema';
import { sha256, sm3 } from '../crypto/sm';

/** File types accepted, by extension, with the leading bytes that confirm them (when the format has any). */
const ALLOWED: Record<string, { mime: string; magic?: number[][] }> = {
  pdf: { mime: 'application/pdf', magic: [[0x25, 0x50, 0x44, 0x46]] },
  png: { mime: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47]] },
  jpg: { mime: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  jpeg: { mime: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  doc: { mime: 'application/msword', magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
  xls: { mime: 'application/vnd.ms-excel', magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
  ofd: { mime: 'application/ofd', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  mp3: { mime: 'audio/mpeg', magic: [[0x49, 0x44, 0x33], [0xff, 0xfb], [0xff, 0xf3], [0xff, 0xf2]] },
  mp4: { mime: 'video/mp4' },
  txt: { mime: 'text/plain' },
};

/** A file name safe to store and to send back: no path parts, control characters or reserved signs. */
export const safeFileName = (name: string): string => {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .replace(/^\.+/, '')
    .trim()
    .slice(-120);
  return cleaned || '未命名文件';
};

const extensionOf = (name: string): string => (name.includes('.') ? name.split('.').pop()!.toLowerCase() : '');

const resolveOwner = async (ctx: Ctx, ownerType: string, ownerId: number, mode: 'read' | 'write') => {
  const owner = ctx.services.registry.attachmentOwner(ownerType);
  if (!owner) throw validationError([{ path: 'ownerType', message: '不支持的附件归属类型' }]);
  await owner.resolve[mode]({ ctx, ownerId });
};

/** 上传附件: checks the owner is in scope, size and type limits, stores the file and its SHA-256/SM3 digests. */
export const uploadAttachment = async (
  ctx: Ctx,
  input: { ownerType: string; ownerId: number; category: string | null; fileName: string; data: Buffer },
) => {
  await resolveOwner(ctx, input.ownerType, input.ownerId, 'write');
  const { maxUploadBytes, filesDir } = ctx.services.config;
  if (input.data.length === 0) throw validationError([{ path: 'file', message: '文件为空' }]);
  if (input.data.length > maxUploadBytes) throw new AppError('PAYLOAD_TOO_LARGE', `文件不能超过 ${Math.round(maxUploadBytes / 1024 / 1024)} MB`);
  const fileName = safeFileName(input.fileName);
  const type = ALLOWED[extensionOf(fileName)];
  if (!type) throw new AppError('UNSUPPORTED_MEDIA_TYPE', `不支持的文件类型，允许：${Object.keys(ALLOWED).join('、')}`);
  if (type.magic && !type.magic.some((m) => m.every((b, i) => input.data[i] === b))) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '文件内容与扩展名不符');
  }
  const id = randomUUID();
  const storageKey = join(id.slice(0, 2), id.slice(2, 4), id);
  const target = join(filesDir, storageKey);
  await mkdir(join(filesDir, id.slice(0, 2), id.slice(2, 4)), { recursive: true });
  // Write to a temporary name and rename, so a crash never leaves a half file under a real key.
  await writeFile(`${target}.part`, input.data, { mode: 0o600 });
  await rename(`${target}.part`, target);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(attachment)
        .values({
          id,
          ownerType: input.ownerType,
          ownerId: input.ownerId,
          category: input.category,
          fileName,
          mimeType: type.mime,
          size: input.data.length,
          sha256: sha256(input.data),
          sm3: sm3(input.data),
          storageKey,
          uploadedBy: ctx.actor?.id ?? null,
        })
        .returning();
      await recordAudit(tx, ctx, { action: 'attachment.upload', module: 'attachments', entityType: input.ownerType, entityId: input.ownerId, after: { id, fileName, size: input.data.length, sm3: row!.sm3 } });
      return row!;
    });
  } catch (err) {
    await rm(target, { force: true });
    throw err;
  }
};

/** The attachments of a record the actor may see. */
export const listAttachments = async (ctx: Ctx, ownerType: string, ownerId: number) => {
  await resolveOwner(ctx, ownerType, ownerId, 'read');
  return ctx.db
    .select()
    .from(attachment)
    .where(and(eq(attachment.ownerType, ownerType), eq(attachment.ownerId, ownerId)))
    .orderBy(asc(attachment.createdAt));
};

/** 下载附件: only through the owner's permission and scope; the download is audited. */
export const readAttachment = async (ctx: Ctx, id: string) => {
  const [row] = await ctx.db.select().from(attachment).where(eq(attachment.id, id));
  if (!row) throw notFound('附件');
  await resolveOwner(ctx, row.ownerType, row.ownerId, 'read');
  const data = await readFile(join(ctx.services.config.filesDir, row.storageKey));
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, { action: 'attachment.download', module: 'attachments', entityType: row.ownerType, entityId: row.ownerId, after: { id, fileName: row.fileName } }),
  );
  return { row, data };
};
