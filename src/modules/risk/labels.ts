import type { Evidence } from './signals';

/** Chinese names of the hit codes (the UI and clue titles use them; unknown codes show as themselves). */
export const CODE_LABELS: Record<string, string> = {
  R003: '招标期过短', R018: '仅一家投标', R024: '最低价未中标', R025: '中标价偏离', R028: '投标报价相同', R030: '截止后投标',
  R035: '除中标人外全部被否决', R036: '最低价被否决', R038: '否决率偏高（采购人）', R048: '供应商集中（采购人）', R058: '中标价显著偏高', R068: '合同金额超中标金额',
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

export const codeLabel = (code: string): string => CODE_LABELS[code] ?? code;

const fmt = (v: unknown): string => {
  if (Array.isArray(v)) return v.map(fmt).join('、');
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
  if (v === null || v === undefined) return '—';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
};

/** The clue's summary: what the rule says, what was compared, the records — enough to re-check by hand. */
export function summariseEvidence(code: string, e: Evidence, processes: Array<{ ocid: string; title: string | null }>, buyer: string | null, suppliers: string[]): string {
  const lines = [
    `来源：招投标风险预警（${code} ${codeLabel(code)}）。预警仅提示需核查的情况，不是违纪违法的认定。`,
    `规则：${e.rule}${e.lawRef ? `（依据：${e.lawRef}）` : ''}`,
    `阈值：${Object.entries(e.threshold ?? {}).map(([k, v]) => `${k}=${fmt(v)}`).join('；') || '—'}`,
    `数值：${Object.entries(e.values ?? {}).map(([k, v]) => `${k}=${fmt(v)}`).join('；') || '—'}`,
    `项目：${processes.map((p) => `${p.title ?? ''}（${p.ocid}）`).join('；') || '—'}`,
    `采购人：${buyer ?? '—'}；涉及企业：${suppliers.join('、') || '—'}`,
    `记录：${(e.records ?? []).map((r) => `${r.kind}:${r.id}`).join('，')}`,
  ];
  return lines.join('\n').slice(0, 5000);
}
