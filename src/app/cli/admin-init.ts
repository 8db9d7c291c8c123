import { createInterface } from 'node:readline/promises';
import { eq } from 'drizzle-orm';
import { appUser, orgUnit, role } from '../../kernel/db/schema';
import { checkPasswordPolicy } from '../../kernel/auth/password';
import { insertUser } from '../../kernel/auth/user-service';
import { insertOrg } from '../../kernel/org/org-service';
import { recordAudit } from '../../kernel/audit/record-audit';
import { seedBuiltinRoles } from '../seed/demo';
import { modules } from '../modules';
import { openForCli, runCli } from './open-for-cli';
import type { Ctx, KernelServices } from '../../kernel/context';

/**
 * npm run admin:init — creates the first 系统管理员 of a production deployment with a password the
 * operator types (or ADMIN_PASSWORD), and the root unit (ROOT_ORG_NAME, default 本级人民政府).
 * The administrator enrols a TOTP authenticator at first login.
 */
runCli(async () => {
  const { database, keys, release } = await openForCli();
  try {
    const db = database.db;
    if ((await db.select({ id: appUser.id }).from(appUser).limit(1)).length > 0) {
      console.error('已存在账号，admin:init 只用于全新部署。');
      return 1;
    }
    const username = process.env.ADMIN_USERNAME || 'sysadmin';
    let password = process.env.ADMIN_PASSWORD ?? '';
    if (!password) {
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      password = await rl.question(`请输入系统管理员 ${username} 的口令（至少12位，含大写、小写、数字、特殊字符中的三类）：`);
      rl.close();
    }
    const problems = checkPasswordPolicy(password, username);
    if (problems.length) {
      console.error(`口令不符合要求：${problems.join('；')}`);
      return 1;
    }
    await seedBuiltinRoles(db, modules);
    await db.transaction(async (tx) => {
      const root = await insertOrg(tx, { parentId: null, name: process.env.ROOT_ORG_NAME || '本级人民政府', shortName: process.env.ROOT_ORG_SHORT || '本级', kind: 'city' });
      const [adminRole] = await tx.select().from(role).where(eq(role.code, 'system_admin'));
      const user = await insertUser(tx, { username, displayName: '系统管理员', orgId: root.id, roleIds: [adminRole!.id], password, mustChangePassword: false });
      const ctx: Ctx = { services: { keys } as KernelServices, db, actor: null, now: new Date(), requestId: 'admin-init', ip: null };
      await recordAudit(tx, ctx, { action: 'admin.init', module: 'system', entityType: 'app_user', entityId: user.id, after: { username, orgId: root.id } });
      const [org] = await tx.select().from(orgUnit).where(eq(orgUnit.id, root.id));
      console.log(`已创建系统管理员 ${username}（${org!.name}）。首次登录时需绑定动态口令；安全管理员、审计管理员账号请由系统管理员创建。`);
    });
    return 0;
  } finally {
    await database.close();
    release();
  }
});
