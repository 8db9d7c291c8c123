import { and, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { type DbOrTx, validationError } from '../../../../kernel';
import { enforcementCertificate, enforcementOfficer } from '../../registry/schema';

/**
 * 行政执法监督证 holders among `names` on `day`: an active officer of the register whose supervision certificate
 * is valid, issued by then and not expired (《山东省行政执法监督条例》第二十二条 as statutes.md §9's example:
 * supervisors hold a supervision certificate). Reads the registry's CONTRACT columns only (officer: id, name,
 * status; certificate: officerId, kind, certNo, status, issuedDate, expiresDate). Returns name → 证号.
 * Names, not ids: 评查人员 and 签发人 are entered as names, so two officers of one name both count.
 */
export const supervisionCertHolders = async (tx: DbOrTx, names: readonly string[], day: string): Promise<Map<string, string>> => {
  if (!names.length) return new Map();
  const rows = await tx
    .select({ name: enforcementOfficer.name, certNo: enforcementCertificate.certNo })
    .from(enforcementCertificate)
    .innerJoin(enforcementOfficer, eq(enforcementOfficer.id, enforcementCertificate.officerId))
    .where(
      and(
        inArray(enforcementOfficer.name, [...names]),
        eq(enforcementOfficer.status, 'active'),
        eq(enforcementCertificate.kind, 'supervision'),
        eq(enforcementCertificate.status, 'valid'),
        lte(enforcementCertificate.issuedDate, day),
        or(isNull(enforcementCertificate.expiresDate), gte(enforcementCertificate.expiresDate, day)),
      ),
    );
  return new Map(rows.map((r) => [r.name, r.certNo]));
};

/** Refuses (a field error per name) unless every name holds a valid 行政执法监督证 on `day`; returns name → 证号. */
export const requireSupervisionCerts = async (tx: DbOrTx, path: string, names: readonly string[], day: string, role: string): Promise<Map<string, string>> => {
  const holders = await supervisionCertHolders(tx, names, day);
  const missing = names.filter((n) => !holders.has(n));
  if (missing.length) {
    throw validationError(missing.map((n) => ({ path, message: `${n} 在 ${day} 未持有有效的行政执法监督证（登记在册、未暂扣注销、未过期），不能担任${role}（《山东省行政执法监督条例》第二十二条：执法监督人员持行政执法监督证）` })));
  }
  return holders;
};
