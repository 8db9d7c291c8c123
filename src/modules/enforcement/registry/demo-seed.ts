/**
 * Demo data of the registry area (runs first of the enforcement areas; cases and review build on these
 * rows): one statutory 执法主体 per enforcing department, 授权 and 委托 bodies (one entrustment expired),
 * about 300 officers with certificates (some revoked, some expired, some of retired officers still valid
 * so that 清理 has work), training and exam records, items per body with benchmarks and 四张清单, items
 * moved to 综合行政执法, and one body below the 5% 法制审核 ratio. Dates are relative to ctx.now.
 */
import { inArray, sql } from 'drizzle-orm';
import { addDays, blindIndex, encryptField, toLocalDate, type Ctx, type DemoOrgDirectory } from '../../../kernel';
import { addMonthsClamped } from '../../../kernel/shared/local-date';
import {
  discretionBenchmark,
  enforcementBody,
  enforcementCertificate,
  enforcementCertReview,
  enforcementExam,
  enforcementItem,
  enforcementItemTransfer,
  enforcementListEntry,
  enforcementOfficer,
  enforcementRegistrySetting,
  enforcementTraining,
} from './schema';

type Kind = 'penalty' | 'licence' | 'inspection' | 'compulsory' | 'levy' | 'other';
interface Sector {
  match: RegExp;
  prefix: string;
  law: string;
  /** Penalty items: the act, the article and the maximum fine in 元. */
  penalties: [string, string, number][];
  others: [Kind, string, string][];
}

const SECTORS: Sector[] = [
  {
    match: /市场监督管理局$/,
    prefix: 'SJ',
    law: '《中华人民共和国食品安全法》',
    penalties: [
      ['对未取得食品经营许可从事食品经营活动的处罚', '《中华人民共和国食品安全法》第一百二十二条', 100_000],
      ['对经营超过保质期的食品的处罚', '《中华人民共和国食品安全法》第一百二十四条', 100_000],
      ['对食品经营者未按规定建立并遵守进货查验记录制度的处罚', '《中华人民共和国食品安全法》第一百二十六条', 50_000],
      ['对生产经营标签不符合规定的预包装食品的处罚', '《中华人民共和国食品安全法》第一百二十五条', 50_000],
      ['对餐饮服务提供者未按规定对餐具饮具进行清洗消毒的处罚', '《中华人民共和国食品安全法》第一百二十六条', 50_000],
      ['对未取得营业执照从事经营活动的处罚', '《无证无照经营查处办法》第十三条', 10_000],
      ['对虚假宣传的处罚', '《中华人民共和国反不正当竞争法》第二十条', 2_000_000],
      ['对发布虚假广告的处罚', '《中华人民共和国广告法》第五十五条', 1_000_000],
      ['对销售不合格产品的处罚', '《中华人民共和国产品质量法》第五十条', 200_000],
      ['对使用未经检验的特种设备的处罚', '《中华人民共和国特种设备安全法》第八十四条', 300_000],
      ['对计量器具未按规定检定的处罚', '《中华人民共和国计量法实施细则》第四十三条', 1_000],
      ['对价格违法行为不明码标价的处罚', '《中华人民共和国价格法》第四十二条', 5_000],
      ['对经营者侵害消费者权益的处罚', '《中华人民共和国消费者权益保护法》第五十六条', 500_000],
      ['对药品零售企业未凭处方销售处方药的处罚', '《药品经营和使用质量监督管理办法》第七十二条', 50_000],
      ['对未按规定公示年度报告的处罚', '《企业信息公示暂行条例》第十八条', 10_000],
      ['对销售未经强制性认证的产品的处罚', '《中华人民共和国认证认可条例》第六十七条', 200_000],
    ],
    others: [
      ['licence', '食品经营许可', '《中华人民共和国食品安全法》第三十五条'],
      ['licence', '特种设备使用登记', '《中华人民共和国特种设备安全法》第三十三条'],
      ['inspection', '对食品经营者的监督检查', '《中华人民共和国食品安全法》第一百一十条'],
      ['inspection', '对产品质量的监督抽查', '《中华人民共和国产品质量法》第十五条'],
      ['inspection', '对特种设备使用单位的监督检查', '《中华人民共和国特种设备安全法》第五十七条'],
      ['compulsory', '查封、扣押不符合食品安全标准的食品', '《中华人民共和国食品安全法》第一百一十条'],
      ['compulsory', '查封、扣押有证据证明不符合安全技术规范要求的特种设备', '《中华人民共和国特种设备安全法》第六十一条'],
    ],
  },
  {
    match: /自然资源/,
    prefix: 'ZR',
    law: '《中华人民共和国土地管理法》',
    penalties: [
      ['对未经批准或者采取欺骗手段骗取批准非法占用土地的处罚', '《中华人民共和国土地管理法》第七十七条', 1_000_000],
      ['对买卖或者以其他形式非法转让土地的处罚', '《中华人民共和国土地管理法》第七十四条', 500_000],
      ['对占用耕地建窑、建坟或者擅自在耕地上建房的处罚', '《中华人民共和国土地管理法》第七十五条', 200_000],
      ['对未取得采矿许可证擅自采矿的处罚', '《中华人民共和国矿产资源法》第三十九条', 500_000],
      ['对未取得建设工程规划许可证进行建设的处罚', '《中华人民共和国城乡规划法》第六十四条', 1_000_000],
      ['对拒不履行土地复垦义务的处罚', '《土地复垦条例》第四十一条', 200_000],
      ['对测绘单位未取得测绘资质证书从事测绘活动的处罚', '《中华人民共和国测绘法》第五十五条', 200_000],
      ['对擅自改变土地用途的处罚', '《中华人民共和国土地管理法实施条例》第五十七条', 300_000],
    ],
    others: [
      ['licence', '建设用地规划许可', '《中华人民共和国城乡规划法》第三十七条'],
      ['licence', '采矿权新立登记', '《中华人民共和国矿产资源法》第十六条'],
      ['inspection', '对土地利用情况的监督检查', '《中华人民共和国土地管理法》第六十七条'],
      ['compulsory', '责令停止违法占地行为', '《中华人民共和国土地管理法》第六十八条'],
      ['levy', '土地复垦费征收', '《土地复垦条例》第十八条'],
    ],
  },
  {
    match: /公安/,
    prefix: 'GA',
    law: '《中华人民共和国治安管理处罚法》',
    penalties: [
      ['对扰乱单位秩序的处罚', '《中华人民共和国治安管理处罚法》第二十三条', 500],
      ['对殴打他人的处罚', '《中华人民共和国治安管理处罚法》第四十三条', 1_000],
      ['对盗窃、诈骗、哄抢、抢夺公私财物的处罚', '《中华人民共和国治安管理处罚法》第四十九条', 1_000],
      ['对旅馆业工作人员不按规定登记住宿旅客信息的处罚', '《中华人民共和国治安管理处罚法》第五十六条', 500],
      ['对饮酒后驾驶机动车的处罚', '《中华人民共和国道路交通安全法》第九十一条', 2_000],
      ['对机动车超速行驶的处罚', '《中华人民共和国道路交通安全法》第九十九条', 2_000],
      ['对非法携带枪支、弹药或者管制器具的处罚', '《中华人民共和国治安管理处罚法》第三十二条', 500],
      ['对违反规定举办大型群众性活动的处罚', '《大型群众性活动安全管理条例》第二十条', 500_000],
    ],
    others: [
      ['licence', '旅馆业特种行业许可', '《旅馆业治安管理办法》第四条'],
      ['inspection', '消防监督检查', '《中华人民共和国消防法》第五十三条'],
      ['compulsory', '扣留机动车', '《中华人民共和国道路交通安全法》第九十五条'],
      ['compulsory', '强制隔离戒毒', '《中华人民共和国禁毒法》第三十八条'],
    ],
  },
  {
    match: /生态环境/,
    prefix: 'HB',
    law: '《中华人民共和国环境保护法》',
    penalties: [
      ['对超过大气污染物排放标准排放大气污染物的处罚', '《中华人民共和国大气污染防治法》第九十九条', 1_000_000],
      ['对未依法进行环境影响评价擅自开工建设的处罚', '《中华人民共和国环境影响评价法》第三十一条', 2_000_000],
      ['对无排污许可证排放污染物的处罚', '《排污许可管理条例》第三十三条', 1_000_000],
      ['对通过暗管、渗井等逃避监管的方式排放水污染物的处罚', '《中华人民共和国水污染防治法》第八十三条', 1_000_000],
      ['对未按规定贮存危险废物的处罚', '《中华人民共和国固体废物污染环境防治法》第一百一十二条', 1_000_000],
      ['对建筑施工噪声污染超标的处罚', '《中华人民共和国噪声污染防治法》第七十七条', 100_000],
    ],
    others: [
      ['licence', '建设项目环境影响报告书审批', '《中华人民共和国环境影响评价法》第二十二条'],
      ['inspection', '对排污单位的现场检查', '《中华人民共和国环境保护法》第二十四条'],
      ['compulsory', '查封、扣押造成污染物排放的设施、设备', '《中华人民共和国环境保护法》第二十五条'],
    ],
  },
  {
    match: /交通运输/,
    prefix: 'JT',
    law: '《中华人民共和国道路运输条例》',
    penalties: [
      ['对未取得道路运输经营许可擅自从事道路客运经营的处罚', '《中华人民共和国道路运输条例》第六十三条', 100_000],
      ['对客运车辆不按批准的线路行驶的处罚', '《中华人民共和国道路运输条例》第七十条', 10_000],
      ['对超限运输车辆擅自行驶公路的处罚', '《公路安全保护条例》第六十四条', 30_000],
      ['对未经许可从事网络预约出租汽车经营的处罚', '《网络预约出租汽车经营服务管理暂行办法》第三十四条', 30_000],
      ['对擅自占用、挖掘公路的处罚', '《中华人民共和国公路法》第七十六条', 30_000],
    ],
    others: [
      ['licence', '道路旅客运输经营许可', '《中华人民共和国道路运输条例》第十条'],
      ['inspection', '对道路运输企业的监督检查', '《中华人民共和国道路运输条例》第五十九条'],
      ['compulsory', '暂扣无道路运输证的车辆', '《中华人民共和国道路运输条例》第六十二条'],
    ],
  },
  {
    match: /综合行政执法局$/,
    prefix: 'ZF',
    law: '《城市市容和环境卫生管理条例》',
    penalties: [
      ['对擅自设置大型户外广告影响市容的处罚', '《城市市容和环境卫生管理条例》第三十六条', 10_000],
      ['对在城市建筑物、设施以及树木上涂写、刻画的处罚', '《城市市容和环境卫生管理条例》第三十四条', 100],
      ['对随意倾倒、抛撒、堆放城市生活垃圾的处罚', '《中华人民共和国固体废物污染环境防治法》第一百一十一条', 500_000],
      ['对擅自占用城市道路的处罚', '《城市道路管理条例》第四十二条', 20_000],
      ['对未经批准擅自砍伐城市树木的处罚', '《城市绿化条例》第二十六条', 50_000],
      ['对建设单位未按规定处置建筑垃圾的处罚', '《城市建筑垃圾管理规定》第二十条', 100_000],
      ['对餐饮服务业油烟超标排放的处罚', '《中华人民共和国大气污染防治法》第一百一十八条', 100_000],
    ],
    others: [
      ['inspection', '对市容环境卫生的监督检查', '《城市市容和环境卫生管理条例》第三十八条'],
      ['compulsory', '强制拆除违法设置的户外广告', '《中华人民共和国行政强制法》第四十四条'],
    ],
  },
  {
    match: /住房和城乡建设/,
    prefix: 'JS',
    law: '《中华人民共和国建筑法》',
    penalties: [
      ['对建设单位未取得施工许可证擅自施工的处罚', '《建设工程质量管理条例》第五十七条', 100_000],
      ['对施工单位偷工减料的处罚', '《建设工程质量管理条例》第六十四条', 200_000],
      ['对房地产开发企业未取得预售许可证预售商品房的处罚', '《城市房地产开发经营管理条例》第三十六条', 100_000],
    ],
    others: [
      ['licence', '建筑工程施工许可', '《中华人民共和国建筑法》第七条'],
      ['inspection', '对建设工程质量的监督检查', '《建设工程质量管理条例》第四十七条'],
    ],
  },
  {
    match: /教育/,
    prefix: 'JY',
    law: '《中华人民共和国教育法》',
    penalties: [
      ['对民办学校违法颁发学历证书的处罚', '《中华人民共和国民办教育促进法》第六十二条', 100_000],
      ['对校外培训机构未经审批开展学科类培训的处罚', '《中华人民共和国民办教育促进法实施条例》第六十四条', 100_000],
    ],
    others: [['inspection', '对民办学校办学行为的监督检查', '《中华人民共和国民办教育促进法》第四十一条']],
  },
  {
    match: /民政/,
    prefix: 'MZ',
    law: '《社会团体登记管理条例》',
    penalties: [
      ['对社会组织未按规定接受年度检查的处罚', '《社会团体登记管理条例》第三十条', 10_000],
      ['对擅自开展殡葬经营活动的处罚', '《殡葬管理条例》第二十二条', 10_000],
    ],
    others: [['inspection', '对社会组织的监督检查', '《社会团体登记管理条例》第二十七条']],
  },
  {
    match: /人力资源和社会保障/,
    prefix: 'RS',
    law: '《劳动保障监察条例》',
    penalties: [
      ['对用人单位未按时足额支付劳动报酬的处罚', '《劳动保障监察条例》第二十六条', 50_000],
      ['对用人单位违法延长劳动者工作时间的处罚', '《劳动保障监察条例》第二十五条', 5_000],
      ['对用人单位未按规定参加社会保险的处罚', '《中华人民共和国社会保险法》第八十四条', 50_000],
    ],
    others: [['inspection', '劳动保障监察', '《劳动保障监察条例》第十条']],
  },
  {
    match: /司法局/,
    prefix: 'SF',
    law: '《中华人民共和国律师法》',
    penalties: [
      ['对律师事务所违反规定接受委托的处罚', '《中华人民共和国律师法》第五十条', 100_000],
      ['对律师私自接受委托、收取费用的处罚', '《中华人民共和国律师法》第四十八条', 50_000],
      ['对公证员违反规定出具公证书的处罚', '《中华人民共和国公证法》第四十一条', 10_000],
      ['对司法鉴定人违反规定从事司法鉴定业务的处罚', '《全国人民代表大会常务委员会关于司法鉴定管理问题的决定》第十三条', 30_000],
    ],
    others: [['inspection', '对律师事务所执业活动的监督检查', '《中华人民共和国律师法》第五十二条']],
  },
];

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = ['建国', '秀英', '伟', '洋', '静', '帆', '敏', '磊', '婷', '刚', '丽', '浩', '超', '琳', '军', '芳', '志强', '海燕', '晓东', '文博', '佳怡', '子涵', '俊杰', '雪梅', '国庆', '立新', '春华', '明辉', '晨', '宇航'];
const POSTS = ['执法队员', '执法队员', '执法队员', '中队长', '科员', '副科长', '科长', '稽查员'];

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idNumber = (region: string, birth: string, seq: number): string => {
  const body = `${region}${birth.replace(/-/g, '')}${String(seq % 1000).padStart(3, '0')}`;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
};

/** A small deterministic generator, so every demo database looks the same. */
const rng = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

export const seedRegistryDemo = async (ctx: Ctx, dir: DemoOrgDirectory): Promise<void> => {
  const db = ctx.db;
  const rand = rng(20260101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const today = toLocalDate(ctx.now);
  const year = Number(today.slice(0, 4));
  const unit = (name: string) => dir.units.find((u) => u.name === name);
  const city = dir.units.find((u) => u.kind === 'city');
  if (!city) return;
  await db.insert(enforcementRegistrySetting).values({ orgId: city.id, trainingHoursTarget: 60, legalReviewerMinPercent: 5, certValidityYears: 3 });

  // ── 执法主体 ──
  const enforcing = dir.units.filter((u) => (u.kind === 'department' && !/人民政府办公室/.test(u.name) && SECTORS.some((s) => s.match.test(u.name))) || u.kind === 'justice_bureau');
  type BodyRow = typeof enforcementBody.$inferSelect;
  const bodies: { row: BodyRow; sector: Sector; region: string }[] = [];
  const regionOf = (path: string) => (dir.units.find((u) => u.name === '青山县' && path.startsWith(u.path)) ? '330921' : dir.units.find((u) => u.name === '绿水区' && path.startsWith(u.path)) ? '330902' : '330900');
  let n = 0;
  for (const u of enforcing) {
    n += 1;
    const sector = SECTORS.find((s) => s.match.test(u.name))!;
    // Most confirmed this year; every fifth only last year (shows in 未确认); none confirmed in the future.
    const confirmed = n % 5 === 0 ? `${year - 1}-02-20` : addDays(`${year}-01-10`, n) > today ? `${year - 1}-12-28` : addDays(`${year}-01-10`, n);
    const [row] = await db
      .insert(enforcementBody)
      .values({ orgId: u.id, name: u.name, kind: 'statutory', legalBasis: `${sector.law}及本级人民政府机构设置方案（“三定”规定）`, confirmedDate: confirmed, confirmedByName: '司法局 执法监督科' })
      .returning();
    bodies.push({ row: row!, sector, region: regionOf(u.path) });
  }
  const extra = async (values: typeof enforcementBody.$inferInsert, prefix: string, path: string) => {
    const [row] = await db.insert(enforcementBody).values(values).returning();
    bodies.push({ row: row!, sector: SECTORS.find((s) => s.prefix === prefix)!, region: regionOf(path) });
  };
  const qsMarket = unit('青山县市场监督管理局');
  const qsZf = unit('青山县综合行政执法局');
  const qsLand = unit('青山县自然资源局');
  const chengguan = unit('城关镇');
  const hekou = unit('河口镇');
  const cityPolice = unit('示范市公安局');
  if (cityPolice) {
    await extra(
      { orgId: cityPolice.id, name: '示范市公安局交通警察支队', kind: 'authorized', legalBasis: '《中华人民共和国道路交通安全法》第五条、第八十七条（法律授权公安机关交通管理部门）', confirmedDate: `${year}-01-20` > today ? `${year - 1}-12-20` : `${year}-01-20` },
      'GA',
      cityPolice.path,
    );
  }
  if (qsMarket) {
    await extra(
      { orgId: qsMarket.id, name: '青山县市场监督管理局城关市场监督管理所', kind: 'authorized', legalBasis: '《市场监督管理行政处罚程序规定》第十四条（派出机构以自己名义实施警告、较低数额罚款）', confirmedDate: `${year - 1}-03-01` },
      'SJ',
      qsMarket.path,
    );
  }
  if (chengguan && qsZf) {
    await extra(
      {
        orgId: chengguan.id,
        name: '城关镇人民政府（受委托综合执法）',
        kind: 'entrusted',
        legalBasis: '《中华人民共和国行政处罚法》第二十条、第二十一条',
        entrustingOrgId: qsZf.id,
        entrustScope: '辖区内市容环境卫生、占道经营、违规户外广告的行政处罚',
        entrustFrom: addMonthsClamped(today, -10),
        entrustUntil: addMonthsClamped(today, 26),
        confirmedDate: `${year}-02-01` > today ? `${year - 1}-12-01` : `${year}-02-01`,
      },
      'ZF',
      chengguan.path,
    );
  }
  if (hekou && qsLand) {
    // An entrustment whose term has ended: flagged 委托已到期.
    await extra(
      {
        orgId: hekou.id,
        name: '河口镇人民政府（受委托土地执法）',
        kind: 'entrusted',
        legalBasis: '《中华人民共和国行政处罚法》第二十条',
        entrustingOrgId: qsLand.id,
        entrustScope: '辖区内违法占用土地行为的巡查与行政处罚',
        entrustFrom: addMonthsClamped(today, -38),
        entrustUntil: addDays(today, -40),
        confirmedDate: `${year - 1}-02-15`,
      },
      'ZR',
      hekou.path,
    );
  }

  // ── 执法人员、证件、培训、考试 ──
  const lowRatioBody = bodies.find((b) => b.row.name === '青山县自然资源局')?.row.id;
  const { keys } = ctx.services;
  let seq = 0;
  let certSeq = 0;
  const officerRows: (typeof enforcementOfficer.$inferInsert)[] = [];
  const plans: { bodyIndex: number; status: 'active' | 'retired' | 'transferred' | 'dismissed'; plan: 'normal' | 'revoked' | 'expired' | 'stale' | 'none' | 'suspended' | 'supervision' }[] = [];
  bodies.forEach((b, bi) => {
    const count = b.row.kind === 'entrusted' ? 6 : b.row.kind === 'authorized' ? 10 : b.row.name.includes('司法局') ? 8 : /市场监督管理局$|公安局$|综合行政执法局$/.test(b.row.name) ? 22 : 13;
    for (let i = 0; i < count; i += 1) {
      seq += 1;
      const birth = addDays('1968-01-01', Math.floor(rand() * 12000));
      const justice = b.row.name.includes('司法局');
      const reviewer = b.row.id !== lowRatioBody && (i === 1 || (count > 15 && i === 9) || (justice && i < 3));
      const roll = rand();
      const status = i === count - 1 && count > 10 ? (roll < 0.5 ? 'retired' : 'transferred') : i === count - 2 && count > 20 ? 'retired' : 'active';
      const plan = justice
        ? 'supervision'
        : status !== 'active'
          ? i === count - 1 && roll < 0.7
            ? 'stale'
            : 'revoked'
          : roll < 0.06
            ? 'expired'
            : roll < 0.1
              ? 'none'
              : roll < 0.12
                ? 'suspended'
                : 'normal';
      const id = idNumber(b.region, birth, seq);
      officerRows.push({
        orgId: b.row.orgId,
        bodyId: b.row.id,
        name: `${pick([...SURNAMES])}${pick(GIVEN)}`,
        idNumber: encryptField(keys.field, id),
        idNumberHash: blindIndex(keys, id),
        post: reviewer ? '法制审核员' : justice ? '执法监督员' : pick(POSTS),
        isLegalReviewer: reviewer,
        status,
        statusDate: status === 'active' ? null : addDays(today, -Math.floor(rand() * 200) - 5),
      });
      plans.push({ bodyIndex: bi, status, plan });
    }
  });
  const officers = await db.insert(enforcementOfficer).values(officerRows).returning({ id: enforcementOfficer.id, orgId: enforcementOfficer.orgId, bodyId: enforcementOfficer.bodyId, status: enforcementOfficer.status, statusDate: enforcementOfficer.statusDate });
  const certRows: (typeof enforcementCertificate.$inferInsert)[] = [];
  const trainingRows: (typeof enforcementTraining.$inferInsert)[] = [];
  const examRows: (typeof enforcementExam.$inferInsert)[] = [];
  const regionCode = (orgId: number) => bodies.find((b) => b.row.orgId === orgId)?.region ?? '330900';
  officers.forEach((o, i) => {
    const { plan } = plans[i]!;
    certSeq += 1;
    const issuedBack = plan === 'expired' ? 1200 + Math.floor(rand() * 200) : 30 + Math.floor(rand() * 900);
    const issued = addDays(today, -issuedBack);
    const certNo = `${plan === 'supervision' ? 'JD' : 'ZF'}${regionCode(o.orgId)}${String(year - Math.floor(issuedBack / 365)).slice(2)}${String(certSeq).padStart(5, '0')}`;
    if (plan !== 'none') {
      certRows.push({
        officerId: o.id,
        orgId: o.orgId,
        kind: plan === 'supervision' ? 'supervision' : 'enforcement',
        certNo,
        issuedDate: issued,
        expiresDate: addMonthsClamped(issued, 36),
        status: plan === 'revoked' ? 'revoked' : plan === 'suspended' ? 'suspended' : 'valid',
        revokeKind: plan === 'revoked' ? 'cancelled' : null,
        statusReason: plan === 'revoked' ? '持证人离岗，证件注销' : plan === 'suspended' ? '执法过程中未按规定出示证件，经调查属实，暂扣证件' : null,
        statusDate: plan === 'revoked' ? (o.statusDate ?? addDays(today, -30)) : plan === 'suspended' ? addDays(today, -20) : null,
        lastReviewYear: plan === 'normal' || plan === 'supervision' ? year - 1 : null,
      });
    }
    if (o.status === 'active') {
      const courses = ['行政处罚法专题培训', '行政执法“三项制度”培训', '执法文书制作规范', '行政复议与行政诉讼应诉实务', '专业法律知识轮训', '执法记录仪使用与证据固定'];
      const sessions = 2 + Math.floor(rand() * 3);
      for (let k = 0; k < sessions; k += 1) {
        const date = addDays(`${year}-01-05`, Math.floor(rand() * Math.max(1, Math.min(300, Number(today.slice(5, 7)) * 28))));
        trainingRows.push({ officerId: o.id, orgId: o.orgId, year: Number((date > today ? today : date).slice(0, 4)), trainedDate: date > today ? today : date, course: pick(courses), hours: pick([8, 12, 16, 16, 24, 24, 32]) });
      }
      examRows.push({ officerId: o.id, orgId: o.orgId, subject: 'general', examDate: addDays(issued, -40), attended: true, passed: true, score: 70 + Math.floor(rand() * 28) });
      examRows.push({ officerId: o.id, orgId: o.orgId, subject: 'special', examDate: addDays(issued, -33), attended: true, passed: plan !== 'none', score: plan === 'none' ? 48 + Math.floor(rand() * 10) : 65 + Math.floor(rand() * 30) });
    }
  });
  const certs = await db.insert(enforcementCertificate).values(certRows).returning({ id: enforcementCertificate.id, orgId: enforcementCertificate.orgId, status: enforcementCertificate.status, lastReviewYear: enforcementCertificate.lastReviewYear });
  if (trainingRows.length) await db.insert(enforcementTraining).values(trainingRows);
  if (examRows.length) await db.insert(enforcementExam).values(examRows);
  // Last year's 年审: passed for most; two failed (those certificates appear in 清理).
  const reviewRows: (typeof enforcementCertReview.$inferInsert)[] = [];
  let failed = 0;
  for (const c of certs) {
    if (c.status !== 'valid') continue;
    const fail = c.lastReviewYear === null && failed < 2;
    if (c.lastReviewYear === null && !fail) continue;
    if (fail) failed += 1;
    reviewRows.push({ certificateId: c.id, orgId: c.orgId, year: year - 1, passed: !fail, hours: fail ? 36 : 64, targetHours: 60, reason: fail ? `${year - 1} 年培训 36 学时，未达到 60 学时` : null, reviewedDate: `${year - 1}-12-20` });
  }
  if (reviewRows.length) await db.insert(enforcementCertReview).values(reviewRows);

  // ── 执法事项、裁量基准、四张清单 ──
  const itemRows: (typeof enforcementItem.$inferInsert)[] = [];
  for (const b of bodies) {
    const s = b.sector;
    const pen = b.row.kind === 'statutory' ? s.penalties : s.penalties.slice(0, 4);
    const oth = b.row.kind === 'statutory' ? s.others : s.others.filter((o) => o[0] !== 'licence').slice(0, 2);
    let k = 0;
    for (const [name, basis] of pen) itemRows.push({ orgId: b.row.orgId, bodyId: b.row.id, code: `${s.prefix}-CF-${String(b.row.id).padStart(3, '0')}-${String((k += 1)).padStart(3, '0')}`, name, kind: 'penalty', legalBasis: basis });
    for (const [kind, name, basis] of oth) itemRows.push({ orgId: b.row.orgId, bodyId: b.row.id, code: `${s.prefix}-${kind.slice(0, 2).toUpperCase()}-${String(b.row.id).padStart(3, '0')}-${String((k += 1)).padStart(3, '0')}`, name, kind, legalBasis: basis });
  }
  // One abolished item (清理) per body of the market regulators.
  const items = await db.insert(enforcementItem).values(itemRows).returning();
  const fineOf = new Map<string, number>();
  for (const s of SECTORS) for (const [name, , max] of s.penalties) fineOf.set(name, max);
  const benchRows: (typeof discretionBenchmark.$inferInsert)[] = [];
  const listRows: (typeof enforcementListEntry.$inferInsert)[] = [];
  const madeDate = addDays(today, -400);
  for (const it of items) {
    const body = bodies.find((b) => b.row.id === it.bodyId)!;
    if (it.kind === 'penalty') {
      const maxYuan = fineOf.get(it.name) ?? 10_000;
      const max = maxYuan * 100;
      const madeBy = body.row.kind === 'statutory' ? body.row.name : (dir.units.find((u) => u.id === body.row.entrustingOrgId)?.name ?? body.row.name);
      benchRows.push(
        { itemId: it.id, orgId: it.orgId, circumstance: '初次违法，违法行为轻微并及时改正，没有造成危害后果的', level: 'none', fineMinFen: null, fineMaxFen: null, measures: '不予行政处罚，对当事人进行教育', madeBy, madeDate },
        { itemId: it.id, orgId: it.orgId, circumstance: '主动消除或者减轻违法行为危害后果的', level: 'lighter', fineMinFen: 0, fineMaxFen: Math.round(max * 0.3), measures: '责令改正', madeBy, madeDate },
        { itemId: it.id, orgId: it.orgId, circumstance: '违法情节一般，有一定社会危害的', level: 'ordinary', fineMinFen: Math.round(max * 0.3), fineMaxFen: Math.round(max * 0.7), measures: '责令改正，没收违法所得', madeBy, madeDate },
        { itemId: it.id, orgId: it.orgId, circumstance: '造成严重后果或者拒不改正、多次违法的', level: 'heavier', fineMinFen: Math.round(max * 0.7), fineMaxFen: max, measures: '责令停产停业，没收违法所得', madeBy, madeDate },
      );
      if (benchRows.length % 12 === 4) {
        listRows.push({ orgId: it.orgId, itemId: it.id, listKind: 'first_violation_no_penalty', condition: `首次实施“${it.name.replace(/^对|的处罚$/g, '')}”行为，危害后果轻微并在责令改正期限内改正的`, basis: '《中华人民共和国行政处罚法》第三十三条第一款', published: true, publishedDate: addDays(today, -200) });
      } else if (benchRows.length % 12 === 8) {
        listRows.push({ orgId: it.orgId, itemId: it.id, listKind: 'no_penalty', condition: '违法行为轻微并及时改正，没有造成危害后果的', basis: '《中华人民共和国行政处罚法》第三十三条第一款', published: true, publishedDate: addDays(today, -200) });
        listRows.push({ orgId: it.orgId, itemId: it.id, listKind: 'lighter', condition: '主动供述行政机关尚未掌握的违法行为的', basis: '《中华人民共和国行政处罚法》第三十二条', published: rand() < 0.7, publishedDate: addDays(today, -150) });
      } else if (benchRows.length % 12 === 0) {
        listRows.push({ orgId: it.orgId, itemId: it.id, listKind: 'mitigated', condition: '配合行政机关查处违法行为有立功表现的', basis: '《中华人民共和国行政处罚法》第三十二条', published: false });
      }
    } else if (it.kind === 'compulsory') {
      listRows.push({ orgId: it.orgId, itemId: it.id, listKind: 'no_compulsion', condition: '违法行为情节轻微或者社会危害较小，不采取行政强制措施不会造成危害后果的', basis: '《中华人民共和国行政强制法》第十六条第二款', published: true, publishedDate: addDays(today, -180) });
    }
  }
  // One benchmark row abolished this year (清理), and the listRows published date fixed.
  if (benchRows.length) {
    benchRows[1] = { ...benchRows[1]!, status: 'abolished', abolishedDate: addDays(today, -15) };
    for (let i = 0; i < benchRows.length; i += 1000) await db.insert(discretionBenchmark).values(benchRows.slice(i, i + 1000));
  }
  if (listRows.length) await db.insert(enforcementListEntry).values(listRows.map((l) => ({ ...l, publishedDate: l.published ? (l.publishedDate ?? addDays(today, -100)) : null })));

  // 划转综合执法: a few items of 青山县自然资源局 and 市场监管局 now belong to 青山县综合行政执法局.
  const zfBody = bodies.find((b) => b.row.name === '青山县综合行政执法局');
  if (zfBody) {
    const moved = items.filter((i) => i.kind === 'penalty' && bodies.some((b) => b.row.id === i.bodyId && ['青山县自然资源局', '青山县市场监督管理局'].includes(b.row.name))).filter((_, i) => i % 3 === 0);
    if (moved.length) {
      await db.insert(enforcementItemTransfer).values(
        moved.map((m) => ({ itemId: m.id, orgId: zfBody.row.orgId, fromBodyId: m.bodyId, toBodyId: zfBody.row.id, transferDate: addDays(today, -90), reason: '青山县综合行政执法改革方案（青政发〔2024〕12号）：相关行政处罚权划转综合行政执法局集中行使' })),
      );
      const ids = moved.map((m) => m.id);
      await db.update(enforcementItem).set({ bodyId: zfBody.row.id, orgId: zfBody.row.orgId, code: sql`${enforcementItem.code} || '-HZ'` }).where(inArray(enforcementItem.id, ids));
      await db.update(discretionBenchmark).set({ orgId: zfBody.row.orgId }).where(inArray(discretionBenchmark.itemId, ids));
      await db.update(enforcementListEntry).set({ orgId: zfBody.row.orgId }).where(inArray(enforcementListEntry.itemId, ids));
    }
    // One item abolished (清理).
    const last = items.find((i) => i.bodyId === zfBody.row.id && i.kind === 'penalty');
    if (last) {
      await db.update(enforcementItem).set({ status: 'abolished', abolishedDate: addDays(today, -60) }).where(sql`${enforcementItem.id} = ${last.id}`);
      await db.update(discretionBenchmark).set({ status: 'abolished', abolishedDate: addDays(today, -60) }).where(sql`${discretionBenchmark.itemId} = ${last.id}`);
    }
  }
};
