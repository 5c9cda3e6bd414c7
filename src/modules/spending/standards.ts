import type { SpendingCategory, TravellerRank } from './db';

/**
 * The catalogue of spending standards (支出标准): every code the screening reads, its category, unit, default and
 * the basis of the default. A county keeps its own values (provinces and counties adopt their own figures, so every
 * value is editable); the defaults are the national reference figures where one exists, and county settings
 * otherwise. Where an article number or a figure could not be checked against the official text, the basis says 待核.
 */
export interface StandardDef {
  code: string;
  category: SpendingCategory | 'general';
  labelZh: string;
  labelEn: string;
  unit: string;
  kind: 'amount' | 'count' | 'words';
  defaultValue?: number;
  defaultWords?: string[];
  basis: string;
}

const MEETING_BASIS = '财行〔2016〕214号《中央和国家机关会议费管理办法》会议费综合定额（一类760、二类650、三类和四类550元/人天），全国参照标准；各省、县按本地办法调整（条号待核）';
const TRAINING_BASIS = '财行〔2016〕540号《中央和国家机关培训费管理办法》培训费综合定额（一类550、二类450、三类380元/人天），全国参照标准；县级按本省办法调整（条号及数额待核）';
const LODGING_BASIS = '参照财行〔2016〕71号中央和国家机关工作人员赴地方差旅住宿费标准（云南省昆明市：部级800、司局级480、其他人员350元/人·天）；县级按云南省差旅费管理办法调整（数额待核）';
const RECEPTION_BASIS = '《党政机关国内公务接待管理规定》（2013年）第十条：接待对象在10人以内的，陪餐人数不得超过3人；超过10人的，不得超过接待对象人数的三分之一';

export const standardDefs: StandardDef[] = [
  { code: 'reception.mealPerPerson', category: 'reception', labelZh: '公务接待工作餐（每人每餐）', labelEn: 'Reception working meal per person', unit: '元/人·餐', kind: 'amount',
    defaultValue: 120, basis: '县公务接待管理办法规定的工作餐标准（县级设置，默认值待县核定）；《党政机关国内公务接待管理规定》（2013年）要求各地结合实际确定接待标准（条号待核）' },
  { code: 'reception.accompanySmallGroup', category: 'reception', labelZh: '陪餐限额适用的接待对象人数上限', labelEn: 'Guests up to which the fixed accompany limit applies', unit: '人', kind: 'count',
    defaultValue: 10, basis: RECEPTION_BASIS },
  { code: 'reception.accompanyMax', category: 'reception', labelZh: '接待对象在上述人数以内时陪餐人数上限', labelEn: 'Accompanying persons allowed for a small group', unit: '人', kind: 'count',
    defaultValue: 3, basis: RECEPTION_BASIS },
  { code: 'meeting.class1', category: 'meeting', labelZh: '一类会议综合定额', labelEn: 'Class 1 meeting, per person per day', unit: '元/人天', kind: 'amount', defaultValue: 760, basis: MEETING_BASIS },
  { code: 'meeting.class2', category: 'meeting', labelZh: '二类会议综合定额', labelEn: 'Class 2 meeting, per person per day', unit: '元/人天', kind: 'amount', defaultValue: 650, basis: MEETING_BASIS },
  { code: 'meeting.class3', category: 'meeting', labelZh: '三类会议综合定额', labelEn: 'Class 3 meeting, per person per day', unit: '元/人天', kind: 'amount', defaultValue: 550, basis: MEETING_BASIS },
  { code: 'meeting.class4', category: 'meeting', labelZh: '四类会议综合定额', labelEn: 'Class 4 meeting, per person per day', unit: '元/人天', kind: 'amount', defaultValue: 550, basis: MEETING_BASIS },
  { code: 'training.class1', category: 'training', labelZh: '一类培训综合定额', labelEn: 'Class 1 training, per person per day', unit: '元/人天', kind: 'amount', defaultValue: 550, basis: TRAINING_BASIS },
  { code: 'training.class2', category: 'training', labelZh: '二类培训综合定额', labelEn: 'Class 2 training, per person per day', unit: '元/人天', kind: 'amount', defaultValue: 450, basis: TRAINING_BASIS },
  { code: 'training.class3', category: 'training', labelZh: '三类培训综合定额', labelEn: 'Class 3 training, per person per day', unit: '元/人天', kind: 'amount', defaultValue: 380, basis: TRAINING_BASIS },
  ...([['provincial', '省部级', 'Provincial', 800], ['bureau', '厅局级', 'Bureau', 480], ['county', '县处级', 'County', 350], ['township', '乡科级', 'Township', 350],
    ['general', '一般干部', 'General staff', 350], ['other', '其他人员', 'Other', 350]] as const).map(([rank, zh, en, v]): StandardDef => ({
    code: `travel.lodging.${rank}`, category: 'travel', labelZh: `差旅住宿（${zh}）`, labelEn: `Travel lodging (${en})`, unit: '元/人·晚', kind: 'amount', defaultValue: v, basis: LODGING_BASIS,
  })),
  { code: 'split.threshold', category: 'general', labelZh: '拆分报销：单笔审批（集中采购）限额', labelEn: 'Splitting: single-payment approval threshold', unit: '元', kind: 'amount',
    defaultValue: 10000, basis: '县财政资金支付审批和政府集中采购限额（县级设置，默认值待县核定）；同一单位向同一收款方短期内多笔各低于限额、合计达到限额的，提示拆分报销' },
  { code: 'split.windowDays', category: 'general', labelZh: '拆分报销：时间窗口', labelEn: 'Splitting: window', unit: '天', kind: 'count',
    defaultValue: 30, basis: '县级设置（默认30天，待县核定）' },
  { code: 'words.banned', category: 'general', labelZh: '禁止性消费提示词', labelEn: 'Words suggesting banned items', unit: '', kind: 'words',
    // Whole words, not single characters: 酒 alone would flag every 酒店 and 烟 every 烟台.
    defaultWords: ['高档', '会所', '私人会所', '香烟', '烟酒', '白酒', '酒水', '茅台', '名贵', '景区', '旅游', '高尔夫', '洗浴', '足浴', 'KTV', '歌舞'],
    basis: '中央八项规定及其实施细则精神、《党政机关国内公务接待管理规定》第九条（不得提供香烟和高档酒水、不得在私人会所和高消费餐饮场所安排接待，条号待核）；词表由县纪委监委维护' },
];

export const standardDef = (code: string): StandardDef | undefined => standardDefs.find((d) => d.code === code);

/** The values the rules read: amounts and counts by code, the word list. */
export interface Standards {
  values: Record<string, number>;
  words: string[];
  basis: Record<string, string>;
}

export const lodgingCode = (rank: TravellerRank) => `travel.lodging.${rank}`;

/** The defaults as a Standards value (pure; tests and a county with nothing stored read these). */
export function defaultStandards(): Standards {
  const values: Record<string, number> = {};
  const basis: Record<string, string> = {};
  for (const d of standardDefs) {
    if (d.defaultValue !== undefined) values[d.code] = d.defaultValue;
    basis[d.code] = d.basis;
  }
  return { values, words: standardDefs.find((d) => d.kind === 'words')?.defaultWords ?? [], basis };
}
