import { penaltyDiscretionHitCodes } from '../penaltyDiscretion/hitCodes';
import { spendingHitCodes } from '../spending/hitCodes';
import { villageAssetsHitCodes } from '../villageAssets/hitCodes';
import type { HitCodeName, HitDomain } from './hitStore';
import type { Evidence } from './signals';

/** The other screenings' codes, each named by its own module. */
export const DOMAIN_CODES: Record<string, HitCodeName> = { ...spendingHitCodes, ...penaltyDiscretionHitCodes, ...villageAssetsHitCodes };

/** What each domain's hits are called in clue titles and summaries. */
export const DOMAIN_LABELS: Record<HitDomain, { zh: string; en: string }> = {
  procurement: { zh: '招投标风险预警', en: 'Procurement red flag' },
  spending: { zh: '超标准支出预警', en: 'Spending over standard' },
  penaltyDiscretion: { zh: '行政处罚裁量预警', en: 'Penalty discretion' },
  villageAssets: { zh: '村集体三资预警', en: 'Village collective funds' },
};

/** Chinese names of the hit codes (the UI and clue titles use them; unknown codes show as themselves). */
export const CODE_LABELS: Record<string, string> = {
  R003: '招标期过短', R018: '仅一家投标', R024: '中标价与次低价过于接近', R025: '投标屡投不中', R028: '投标报价相同', R030: '截止后投标且中标',
  R035: '除中标人外全部被否决', R036: '最低价被否决', R038: '投标被否决比例过高', R048: '中标人经营范围异常宽泛', R058: '中标价远低于次低价', R068: '合同金额超中标金额',
  SCREEN_CV: '报价变异系数过低', SCREEN_SPD: '报价极差过小', SCREEN_DIFFP: '前两名报价差异异常', SCREEN_RD: '相对距离异常', SCREEN_RDNOR: '标准化相对距离异常',
  SCREEN_RDALT: '替代相对距离异常', SCREEN_SKEW: '报价偏度异常', SCREEN_KURT: '报价峰度异常', SCREEN_KS: '报价分布检验异常', SCREEN_CEILINGRATIO: '报价贴近最高限价',
  SCREEN_COMBINED: '综合筛查得分偏高',
  SHARED_CONTACT_PERSON: '不同投标人联系人相同', SHARED_PHONE: '不同投标人联系电话相同', SHARED_EMAIL: '不同投标人电子邮箱相同', SHARED_ADDRESS: '不同投标人地址相同',
  SHARED_LEGAL_REPRESENTATIVE: '不同投标人法定代表人相同', SHARED_PROJECT_MANAGER: '不同投标人项目经理相同', SHARED_BID_BOND_ACCOUNT: '投标保证金从同一账户转出',
  SHARED_IP: '投标文件上传 IP 相同', SHARED_MAC: '投标文件制作机器（MAC）相同', SHARED_CA_CERTIFICATE: '使用同一 CA 证书', SHARED_DOCUMENT_HASH: '投标文件雷同（哈希相同）',
  SHARED_DOCUMENT_METADATA: '投标文件属性相同', IDENTICAL_BID_PRICES: '投标报价相同', CONSTANT_PRICE_STEP: '报价呈等差规律', CONSTANT_PRICE_RATIO: '报价呈等比规律',
  COBIDDING_PAIR_SAME_WINNER: '陪标关系（同一对企业总是同一家中标）', BID_ROTATION: '轮流中标', THRESHOLD_BUNCHING: '中标金额集中在必须招标限额以下',
  SPLIT_PURCHASE: '化整为零规避招标', CONTRACT_AWARD_MISMATCH: '合同金额与中标金额不符', AMENDMENTS_OVER_SHARE: '合同变更累计超过比例',
  CHANGE_CROSSES_THRESHOLD: '变更后金额超过必须招标限额', PAYMENT_OVER_CONTRACT: '支付超过合同金额', PAYMENT_BEFORE_SIGNING: '合同签订前付款',
  PREPAYMENT_OVER_CAP: '预付款超过 30%', PAID_AHEAD_OF_PROGRESS: '付款进度超前于形象进度', FINAL_PAYMENT_BEFORE_ACCEPTANCE: '验收前支付结算款',
  EXPERT_WINNER_COOCCURRENCE: '评标专家与中标人频繁同场', IDENTICAL_SCORE_VECTORS: '评标专家打分雷同', OUTLYING_SCORE: '评标打分明显偏离',
  EXPERT_REPEATED_OUTLIER: '专家反复偏向同一企业', EXPERT_CONFLICT_OF_INTEREST: '评标专家与投标人存在利害关系',
};

export const codeLabel = (code: string): string => CODE_LABELS[code] ?? DOMAIN_CODES[code]?.zh ?? code;

/**
 * What each rule checks, in the words an investigator uses (the engines' own `evidence.rule` is the formula;
 * both are shown). Anchors: 招标投标法实施条例 (条例) 第三十九、四十条; the OCP red-flag guide; Cardinal.
 */
export const RULE_ZH: Record<string, string> = {
  R003: '投标截止日与招标开始日相隔天数少于规定天数（默认15天），潜在投标人准备时间不足。',
  R018: '公开或邀请招标只收到一家投标，竞争不充分。',
  R024: '中标价与其他投标人最低报价的差距明显小于同类项目（低于四分位下界），可能存在陪标或事先约定报价。',
  R025: '投标次数位居前列却极少中标的企业，可能在为他人陪标。',
  R028: '不同投标人的报价完全相同（条例第四十条第四项：投标报价呈规律性差异）。',
  R030: '在投标截止时间之后递交的投标仍然中标。',
  R035: '除中标人外，其他投标人均被否决，中标人实际上无竞争。',
  R036: '报价最低的投标被否决，需核查否决理由是否充分。',
  R038: '采购人、代理机构或投标人的投标被否决比例明显高于同类（高于四分位上界）。',
  R048: '中标人中标项目的品目类别异常繁杂，可能是挂靠、转包的壳企业。',
  R058: '中标价远低于次低报价（高于四分位上界），可能低价中标后再通过变更追加。',
  R068: '合同金额超过中标金额。',
  SCREEN_CV: '各投标报价的变异系数过低，报价高度接近，是串通报价的统计特征。',
  SCREEN_SPD: '最高与最低报价之差相对过小，报价过于集中。',
  SCREEN_DIFFP: '最低与次低报价的百分比差异异常，可能存在“保护价”陪标。',
  SCREEN_RD: '最低两家报价之差与其他报价离散程度之比异常（相对距离）。',
  SCREEN_RDNOR: '标准化后的相对距离异常。',
  SCREEN_RDALT: '替代口径的相对距离异常。',
  SCREEN_SKEW: '报价分布的偏度异常，与竞争性报价的形态不符。',
  SCREEN_KURT: '报价分布的峰度异常，报价过于集中在某一水平。',
  SCREEN_KS: '报价分布与竞争市场的分布明显不同（KS 检验）。',
  SCREEN_CEILINGRATIO: '报价普遍贴近最高投标限价。',
  SCREEN_COMBINED: '多项统计筛查指标的综合得分偏高（按本市场标注数据校准）。',
  SHARED_CONTACT_PERSON: '不同投标人的投标文件由同一联系人办理（条例第四十条第二项）。',
  SHARED_PHONE: '不同投标人留存的联系电话相同（参照条例第四十条第二项：委托同一单位或者个人办理投标事宜）。',
  SHARED_EMAIL: '不同投标人使用同一电子邮箱（参照条例第四十条第二项）。',
  SHARED_ADDRESS: '不同投标人登记或联系地址相同。',
  SHARED_LEGAL_REPRESENTATIVE: '不同投标人的法定代表人为同一人（招标投标法实施条例第三十四条）。',
  SHARED_PROJECT_MANAGER: '不同投标人的项目负责人为同一人（条例第四十条第三项：项目管理成员为同一人）。',
  SHARED_BID_BOND_ACCOUNT: '不同投标人的投标保证金从同一单位或个人账户转出（条例第四十条第六项，视为串通投标）。',
  SHARED_IP: '不同投标人的投标文件从同一 IP 地址上传。',
  SHARED_MAC: '不同投标人的投标文件在同一台电脑（MAC 地址相同）上编制（条例第四十条第一项）。',
  SHARED_CA_CERTIFICATE: '不同投标人使用同一数字证书（CA）加密或签章。',
  SHARED_DOCUMENT_HASH: '不同投标人的投标文件内容完全相同（条例第四十条第四项：投标文件异常一致）。',
  SHARED_DOCUMENT_METADATA: '不同投标人的投标文件创建者、单位等属性相同（条例第四十条第一项：由同一单位或个人编制）。',
  IDENTICAL_BID_PRICES: '不同投标人的报价相同或几乎相同（条例第四十条第四项）。',
  CONSTANT_PRICE_STEP: '各家报价呈等差排列（条例第四十条第四项：报价呈规律性差异）。',
  CONSTANT_PRICE_RATIO: '各家报价呈等比排列（条例第四十条第四项：报价呈规律性差异）。',
  COBIDDING_PAIR_SAME_WINNER: '两家企业多次同场投标，总是同一家中标、另一家从未中标（参照条例第三十九条第二项：约定中标人）。',
  BID_ROTATION: '一组企业多次同场投标，中标在组内轮流且分布均匀（参照条例第三十九条第二、三项：约定中标人、约定部分投标人放弃中标）。',
  THRESHOLD_BUNCHING: '中标或合同金额异常集中在必须招标限额（施工400万、货物200万、服务100万元）之下，疑似规避招标。',
  SPLIT_PURCHASE: '同一采购人在一定期间内向同一供应商多次采购，单笔低于限额、合计超过限额，疑似化整为零规避招标。',
  CONTRACT_AWARD_MISMATCH: '合同金额与中标金额差异超过阈值（招标投标法第四十六条：不得订立背离合同实质性内容的协议）。',
  AMENDMENTS_OVER_SHARE: '合同变更累计增加金额超过合同价的规定比例（如工程量偏差15%）。',
  CHANGE_CROSSES_THRESHOLD: '合同原金额低于必须招标限额，变更后超过限额，疑似以变更规避招标。',
  PAYMENT_OVER_CONTRACT: '累计支付超过合同金额（含已批准变更）。',
  PAYMENT_BEFORE_SIGNING: '合同签订前即已付款。',
  PREPAYMENT_OVER_CAP: '预付款超过合同价的30%。',
  PAID_AHEAD_OF_PROGRESS: '累计付款比例明显超前于工程形象进度。',
  FINAL_PAYMENT_BEFORE_ACCEPTANCE: '竣工验收前已支付结算款或尾款。',
  EXPERT_WINNER_COOCCURRENCE: '某评标专家参加的评标中，同一企业中标的比例异常高。',
  IDENTICAL_SCORE_VECTORS: '不同评标专家对各投标人的打分完全相同。',
  OUTLYING_SCORE: '评标专家对某投标人的打分明显偏离其他专家。',
  EXPERT_REPEATED_OUTLIER: '评标专家多次对同一企业打出偏高分数。',
  EXPERT_CONFLICT_OF_INTEREST: '评标专家与投标人存在雇佣、联系方式相同等利害关系（招标投标法第三十七条）。',
};

export const ruleText = (code: string, e: Pick<Evidence, 'rule'>): string => RULE_ZH[code] ?? DOMAIN_CODES[code]?.rule ?? e.rule;

const fmt = (v: unknown): string => {
  if (Array.isArray(v)) return v.map(fmt).join('、');
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
  if (v === null || v === undefined) return '—';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
};

/** The clue's summary: what the rule says, what was compared, the records — enough to re-check by hand. */
export function summariseEvidence(code: string, e: Evidence, processes: Array<{ ocid: string; title: string | null }>, buyer: string | null, suppliers: string[],
  domain: HitDomain = 'procurement', subjectTitle: string | null = null): string {
  const records = (e.records ?? []) as Array<{ kind: string; id: string; label?: string }>;
  const lines = [
    `来源：${DOMAIN_LABELS[domain].zh}（${code} ${codeLabel(code)}）。预警仅提示需核查的情况，不是违纪违法的认定。`,
    `规则：${ruleText(code, e)}${e.lawRef ? `（依据：${e.lawRef}）` : ''}`,
    `判定公式：${e.rule}`,
    `阈值：${Object.entries(e.threshold ?? {}).map(([k, v]) => `${k}=${fmt(v)}`).join('；') || '—'}`,
    `数值：${Object.entries(e.values ?? {}).map(([k, v]) => `${k}=${fmt(v)}`).join('；') || '—'}`,
    ...(domain === 'procurement'
      ? [`项目：${processes.map((p) => `${p.title ?? ''}（${p.ocid}）`).join('；') || '—'}`, `采购人：${buyer ?? '—'}；涉及企业：${suppliers.join('、') || '—'}`]
      : [`对象：${subjectTitle ?? '—'}`]),
    `记录：${records.map((r) => (r.label ? `${r.label}（${r.kind}:${r.id}）` : `${r.kind}:${r.id}`)).join('，')}`,
  ];
  return lines.join('\n').slice(0, 5000);
}
