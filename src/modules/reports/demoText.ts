/**
 * Invented phrasing for demo reports: a few templates per violated discipline, filled with generated places
 * and 张某某-style names. Nothing here comes from real reports.
 */
export interface Issue { category: string; titles: string[]; contents: string[] }

/** Violated discipline (glossary `discipline` codes, plus dutyViolation) → how people describe it. */
export const issues: Issue[] = [
  { category: '违反廉洁纪律', titles: ['反映{who}违规收受礼金', '反映{who}在项目验收中收受好处', '反映{who}公款吃喝'],
    contents: ['{place}群众反映，{who}在{thing}过程中收受他人礼金，请组织调查核实。', '据反映，{who}借{thing}之机接受宴请，群众意见较大。'] },
  { category: '违反群众纪律', titles: ['反映{who}在低保评定中优亲厚友', '反映{who}截留惠农补贴', '反映{who}侵占集体土地收益'],
    contents: ['{place}部分村民反映，{who}在{thing}中把名额给了亲属，评定过程未公开。', '反映{who}未按规定发放{thing}，群众多次询问未果。'] },
  { category: '职务违法', titles: ['反映{who}违规处置集体资产', '反映{who}虚报冒领项目资金', '反映{who}在工程招标中弄虚作假'],
    contents: ['{place}群众反映，{who}在{thing}中涉嫌弄虚作假，造成集体资金损失。', '举报{who}利用职务便利插手{thing}，要求查处。'] },
  { category: '违反组织纪律', titles: ['反映{who}在换届中拉票', '反映{who}违规安排亲属就业'],
    contents: ['反映{who}在{place}换届选举期间私下拉票。', '反映{who}违规将亲属安排到{thing}岗位。'] },
  { category: '违反工作纪律', titles: ['反映{who}工作不作为', '反映{who}推诿群众诉求'],
    contents: ['{place}群众反映的{thing}问题长期得不到解决，{who}推诿不办。'] },
  { category: '违反生活纪律', titles: ['反映{who}生活作风问题'], contents: ['反映{who}生活作风不检点，在{place}造成不良影响。'] },
];

export const things = ['危房改造', '低保评定', '土地征收补偿', '村道硬化工程', '高标准农田建设', '集体林地流转', '扶贫产业项目', '饮水安全工程', '农机购置补贴', '集体资产出租'];

/** The 领域 (default sector codes, dictionaries.ts) each demo matter belongs to. */
const thingSectors: Record<string, string> = {
  危房改造: 'socialAssistance', 低保评定: 'socialAssistance', 土地征收补偿: 'landAcquisition', 村道硬化工程: 'construction', 高标准农田建设: 'construction',
  集体林地流转: 'collectiveAssets', 扶贫产业项目: 'ruralRevitalisation', 饮水安全工程: 'construction', 农机购置补贴: 'farmSubsidies', 集体资产出租: 'collectiveAssets',
};

/** A demo report's sector: from its matter, or for an efficiency complaint from its category (no random draw, so the demo stays the same). */
export function demoSector(thing: string | null, efficiencyCategory: string | null): string | null {
  if (thing) return thingSectors[thing] ?? 'other';
  if (efficiencyCategory) return efficiencyCategory === 'unfairEnforcement' ? 'lawEnforcement' : 'publicService';
  return null;
}

export const efficiencyTitles: Record<string, string[]> = {
  weakResponsibility: ['{unit}窗口人员责任心不强', '{unit}办件出错多次返工'],
  unrealStyle: ['{unit}下乡走过场', '{unit}检查只看材料不看现场'],
  delay: ['{unit}审批超时限', '{unit}办事拖拉', '不动产登记办理缓慢'],
  buckPassing: ['{unit}与其他部门相互推诿', '多次跑腿未办成'],
  poorSkill: ['{unit}工作人员业务不熟', '{unit}政策解释前后不一'],
  extortion: ['{unit}工作人员吃拿卡要', '{unit}办事要求请吃饭'],
  unfairEnforcement: ['{unit}执法不公', '{unit}处罚标准不一'],
  badAttitude: ['{unit}工作人员态度生硬', '{unit}窗口服务态度差'],
};

export const otherTitles: Record<'suggestion' | 'appeal' | 'outOfRemit' | 'noSubstance', string[]> = {
  suggestion: ['建议加强对村务公开的监督', '建议公开惠民资金发放名单', '对作风建设的几点建议'],
  appeal: ['对处分决定不服提出申诉', '对信访答复意见不服申请复查'],
  outOfRemit: ['反映邻里宅基地纠纷', '反映企业拖欠工资', '咨询养老保险缴费'],
  noSubstance: ['反映问题（内容不详）', '来信未说明具体事项'],
};

export const answers = {
  substantiated: '经调查核实，反映的问题基本属实，已按规定作出处理，并督促整改。',
  partly: '经调查核实，反映的问题部分属实，已对相关人员进行批评教育。',
  unfounded: '经调查核实，反映的问题不属实，已向相关人员说明情况。',
  notAccepted: '您反映的问题不属于纪检监察机关受理范围，建议向有关主管部门反映。',
  efficiency: '已责成相关单位整改，并对相关工作人员进行提醒谈话。',
};

/**
 * Real letters rarely name their category in neat words: many titles say only whom they concern, many
 * letters raise a second matter, and most wrap the complaint in the same phrases. Demo accusations do
 * the same, so a model trained on them meets genuinely ambiguous texts and its confidences stay plausible.
 */
const vagueTitles = ['反映{who}的问题', '举报{who}违纪违法问题', '关于{who}有关问题的反映', '请求调查{who}'];
const vagueContents = ['{place}群众反映{who}在{thing}中有问题，请纪委核查。', '{who}在{thing}工作中的问题群众议论很多。', '反映{who}存在违纪违法行为，涉及{thing}。'];
const openers = ['', '', '本人是{place}村民，', '我们是{place}的群众，', '实名反映：', '再次反映，'];
const closers = ['', '请组织调查核实。', '希望上级纪委认真调查，给群众一个交代。', '此事在当地影响很坏，群众多次反映至今没有结果。', '以上情况属实，望尽快处理。'];

export function accusationText(category: string, values: Record<string, string>, rand: () => number): { title: string; content: string } {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const issue = issues.find((x) => x.category === category)!;
  const vague = rand() < 0.3;
  const title = fill(vague ? pick(vagueTitles) : pick(issue.titles), values);
  // A vague title often comes with a letter that never says what exactly happened.
  let content = fill(vague && rand() < 0.6 ? pick(vagueContents) : pick(issue.contents), values);
  // About one letter in four also raises a matter of another kind, in the same breath.
  if (rand() < 0.25) {
    const other = pick(issues.filter((x) => x !== issue));
    content += fill(rand() < 0.5 ? pick(other.contents) : `另外，${pick(other.titles).replace(/^反映/, '')}。`, values);
  }
  return { title, content: fill(`${pick(openers)}${content}${pick(closers)}`, values) };
}

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
}
