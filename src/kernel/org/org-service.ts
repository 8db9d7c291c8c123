import { and, asc, eq, like, sql } from 'drizzle-orm';
import { AppError, notFound, validationError } from '../errors/app-error';
import { recordAudit } from '../audit/record-audit';
import { requirePermission } from '../auth/data-scope';
import type { Ctx } from '../context';
import { queryRows, type DbOrTx } from '../db/client';
import { orgUnit, type OrgKind } from '../db/schema';

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  city: '市',
  county: '县(区)',
  town: '乡镇(街道)',
  village: '村(社区)',
  department: '部门',
  justice_bureau: '司法局',
  justice_office: '司法所',
  committee: '依法治市(县)委员会',
  committee_office: '委员会办公室',
  coordination_group: '协调小组',
  mediation_committee: '人民调解委员会',
  legal_aid_center: '法律援助中心',
  notary_office: '公证处',
  other: '其他',
};

export type OrgRow = typeof orgUnit.$inferSelect;

/** All units, ordered as a tree (by path, then sort order). */
export const listOrgs = async (db: DbOrTx): Promise<OrgRow[]> =>
  db.select().from(orgUnit).orderBy(asc(orgUnit.depth), asc(orgUnit.sortOrder), asc(orgUnit.id));

/** A unit and every unit below it: an indexed prefix match on the materialized path. */
export const orgSubtree = async (db: DbOrTx, orgId: number): Promise<OrgRow[]> => {
  const [root] = await db.select().from(orgUnit).where(eq(orgUnit.id, orgId));
  if (!root) return [];
  return db.select().from(orgUnit).where(like(orgUnit.path, `${root.path}%`)).orderBy(asc(orgUnit.path));
};

export interface OrgInput {
  parentId: number | null;
  name: string;
  shortName: string;
  kind: OrgKind;
  divisionCode?: string | null | undefined;
  sortOrder?: number | undefined;
}

// Writes to the tree (insert, move) take this transaction-scoped advisory lock: a move rewrites the
// paths of a whole subtree, so a concurrent move or insert must read the paths after it commits
// (otherwise two units can be moved under each other, or a new unit keeps a stale path).
const ORG_TREE_LOCK = 7_201_003;
const lockTree = async (tx: DbOrTx) => {
  await tx.execute(sql`select pg_advisory_xact_lock(${ORG_TREE_LOCK})`);
};

/** Inserts a unit under `parentId` (or as a root) and returns it; used by the admin UI and seeds. */
export const insertOrg = async (tx: DbOrTx, input: OrgInput): Promise<OrgRow> => {
  await lockTree(tx);
  let parentPath = '/';
  let depth = 0;
  if (input.parentId !== null) {
    const [parent] = await tx.select().from(orgUnit).where(eq(orgUnit.id, input.parentId));
    if (!parent) throw validationError([{ path: 'parentId', message: '上级单位不存在' }]);
    parentPath = parent.path;
    depth = parent.depth + 1;
  }
  const [{ id }] = (await queryRows<{ id: number }>(tx, sql`select nextval(pg_get_serial_sequence('org_unit', 'id'))::int as id`)) as [{ id: number }];
  const [row] = await tx
    .insert(orgUnit)
    .values({
      id,
      parentId: input.parentId,
      path: `${parentPath}${id}/`,
      depth,
      name: input.name,
      shortName: input.shortName,
      kind: input.kind,
      divisionCode: input.divisionCode ?? null,
      sortOrder: input.sortOrder ?? 0,
    })
    .returning();
  return row!;
};

/** 新增单位. */
export const createOrg = async (ctx: Ctx, input: OrgInput): Promise<OrgRow> => {
  requirePermission(ctx, 'system:org_manage');
  return ctx.db.transaction(async (tx) => {
    const row = await insertOrg(tx, input);
    await recordAudit(tx, ctx, { action: 'org.create', module: 'system', entityType: 'org_unit', entityId: row.id, after: row });
    return row;
  });
};

/** 修改单位, including moving it (with its whole subtree) under another parent. */
export const updateOrg = async (ctx: Ctx, id: number, input: Partial<OrgInput> & { version: number; isActive?: boolean }): Promise<OrgRow> => {
  requirePermission(ctx, 'system:org_manage');
  return ctx.db.transaction(async (tx) => {
    await lockTree(tx);
    const [current] = await tx.select().from(orgUnit).where(eq(orgUnit.id, id));
    if (!current) throw notFound('单位');
    if (current.version !== input.version) throw new AppError('CONFLICT', '单位信息已被他人修改，请刷新后重试');
    let path = current.path;
    let depth = current.depth;
    if (input.parentId !== undefined && input.parentId !== current.parentId) {
      if (input.parentId === null) throw validationError([{ path: 'parentId', message: '不能将单位移为根单位' }]);
      const [parent] = await tx.select().from(orgUnit).where(eq(orgUnit.id, input.parentId));
      if (!parent) throw validationError([{ path: 'parentId', message: '上级单位不存在' }]);
      if (parent.path.startsWith(current.path)) throw validationError([{ path: 'parentId', message: '不能移到自身或下级单位之下' }]);
      path = `${parent.path}${id}/`;
      depth = parent.depth + 1;
      const shift = depth - current.depth;
      await tx.execute(
        sql`update org_unit set path = ${path} || substr(path, ${current.path.length + 1}), depth = depth + ${shift}
            where path like ${`${current.path}%`} and id <> ${id}`,
      );
    }
    const [row] = await tx
      .update(orgUnit)
      .set({
        parentId: input.parentId === undefined ? current.parentId : input.parentId,
        path,
        depth,
        name: input.name ?? current.name,
        shortName: input.shortName ?? current.shortName,
        kind: input.kind ?? current.kind,
        divisionCode: input.divisionCode === undefined ? current.divisionCode : input.divisionCode,
        sortOrder: input.sortOrder ?? current.sortOrder,
        isActive: input.isActive ?? current.isActive,
        version: current.version + 1,
      })
      .where(and(eq(orgUnit.id, id), eq(orgUnit.version, current.version)))
      .returning();
    if (!row) throw new AppError('CONFLICT', '单位信息已被他人修改，请刷新后重试');
    await recordAudit(tx, ctx, { action: 'org.update', module: 'system', entityType: 'org_unit', entityId: id, before: current, after: row });
    return row;
  });
};

/** The name of a unit, for views and documents (null when the id names none). */
export const orgNameOf = async (db: DbOrTx, orgId: number): Promise<string | null> => {
  const [org] = await db.select({ name: orgUnit.name }).from(orgUnit).where(eq(orgUnit.id, orgId));
  return org?.name ?? null;
};
