import { verifyAuditChain } from '../../kernel/audit/record-audit';
import { openForCli, runCli } from './open-for-cli';

/** npm run audit:verify — walks the HMAC-SM3 audit chain and reports the first changed, removed or inserted row. */
runCli(async () => {
  const { database, keys, release } = await openForCli();
  try {
    const result = await verifyAuditChain(database.db, keys.audit);
    if (result.ok) {
      console.log(`审计链完整：已校验 ${result.checked} 条记录，最新序号 ${result.headSeq ?? '无'}，链头哈希 ${result.headHash}`);
      console.log('请将链头哈希与此前导出的锚点比对，以发现末尾记录被整体截断的情况。');
      return 0;
    }
    console.error(`审计链被破坏：第 ${result.firstBadSeq} 号记录 —— ${result.problem}（此前 ${result.checked} 条完整）`);
    return 2;
  } finally {
    await database.close();
    release();
  }
});
