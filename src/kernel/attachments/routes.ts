import { z } from '@hono/zod-openapi';
import { AppError, validationError } from '../errors/app-error';
import { apiRoute, documentUpload } from '../http/openapi-helpers';
import { createRouter, staffCtx } from '../http/router';
import { parseFormBody } from '../http/validation';
import { listAttachments, readAttachment, uploadAttachment } from './attachment-service';

/** Content-Disposition with an RFC 5987 UTF-8 file name (Chinese names survive every browser). */
export const attachmentDisposition = (fileName: string): string =>
  `attachment; filename="${encodeURIComponent(fileName)}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

export const MIME_XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MIME_DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A file download response (exports, generated documents, attachments). */
export const fileResponse = (data: Buffer, fileName: string, type: string): Response =>
  new Response(new Uint8Array(data), {
    status: 200,
    headers: { 'Content-Type': type, 'Content-Disposition': attachmentDisposition(fileName), 'Content-Length': String(data.length) },
  });

/** 附件: list, upload (multipart) and download, each through the owner's scope. */
export const attachmentRoutes = () => {
  const router = createRouter();
  documentUpload(router, '/', {
    tags: ['附件'],
    summary: '上传附件（multipart：ownerType、ownerId、category、file）',
    fields: { ownerType: z.string(), ownerId: z.string(), category: z.string().optional() },
  });
  return router
    .openapi(
      apiRoute('get', '/', {
        tags: ['附件'],
        summary: '附件列表',
        query: z.object({ ownerType: z.string().min(1).max(60), ownerId: z.coerce.number().int().positive().max(2_147_483_647) }),
      }),
      async (c) => {
        const { ownerType, ownerId } = c.req.valid('query');
        const items = await listAttachments(staffCtx(c), ownerType, ownerId);
        return c.json({ items: items.map(({ storageKey: _storageKey, ...rest }) => rest) }, 200);
      },
    )
    .post('/', async (c) => {
      const ctx = staffCtx(c);
      const type = c.req.header('content-type') ?? '';
      if (!type.startsWith('multipart/form-data')) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传');
      const body = await parseFormBody(c);
      const file = body.file;
      const ownerId = Number(body.ownerId);
      const fields = [];
      if (typeof body.ownerType !== 'string' || !body.ownerType) fields.push({ path: 'ownerType', message: '缺少附件归属类型' });
      if (!Number.isInteger(ownerId) || ownerId <= 0 || ownerId > 2_147_483_647) fields.push({ path: 'ownerId', message: '附件归属记录无效' });
      if (!(file instanceof File)) fields.push({ path: 'file', message: '请选择文件' });
      if (fields.length) throw validationError(fields);
      const f = file as File;
      const row = await uploadAttachment(ctx, {
        ownerType: body.ownerType as string,
        ownerId,
        category: typeof body.category === 'string' && body.category ? body.category.slice(0, 40) : null,
        fileName: f.name,
        data: Buffer.from(await f.arrayBuffer()),
      });
      const { storageKey: _storageKey, ...rest } = row;
      return c.json(rest, 200);
    })
    .get('/:id/download', async (c) => {
      const id = c.req.param('id');
      if (!z.uuid().safeParse(id).success) throw new AppError('NOT_FOUND', '附件不存在或无权查看');
      const { row, data } = await readAttachment(staffCtx(c), id);
      return fileResponse(data, row.fileName, row.mimeType);
    });
};
