import type { RiskLevel, RuleArea } from './db';

/**
 * Invented texts for the demo register, in the style of the speech's 一(五) (《关于进一步推进…实施细则》,
 * 《…暂行规定》). `prefix` is the county's short name in document numbers (宜良县 → 宜).
 */
export interface DemoRule { title: string; issuer: string; docPrefix: string; area: RuleArea; summary: string }

/** Seven rules of the earlier period (last year), as the speech counts them, then two of this year. */
export const earlierRules: DemoRule[] = [
  { title: '关于深入推进党务公开工作的实施细则', issuer: '中共{county}委办公室', docPrefix: '{p}办发', area: 'partyAffairs', summary: '明确党务公开的内容、程序、形式和时限，建立党务公开目录和年度公开清单。' },
  { title: '小额工程项目施工发包承包管理暂行办法', issuer: '{county}人民政府办公室', docPrefix: '{p}政办发', area: 'construction', summary: '规范限额以下小额工程的发包方式、比选程序和合同管理，防止随意发包、指定施工。' },
  { title: '关于加强专项资金监督管理的若干规定', issuer: '{county}财政局、{county}纪委监委', docPrefix: '{p}财发', area: 'funds', summary: '对民生专项资金实行专户管理、报账审核和拨付公示，纪委监委开展联合检查。' },
  { title: '干部选拔任用工作全程纪实办法（试行）', issuer: '中共{county}委组织部', docPrefix: '{p}组发', area: 'personnel', summary: '对动议、民主推荐、考察、讨论决定等环节全程记实，实行一人一档。' },
  { title: '关于规范行政审批事项办理的暂行规定', issuer: '{county}人民政府办公室', docPrefix: '{p}政办发', area: 'approval', summary: '清理公布审批事项目录，统一受理、限时办结，审批结果全部公开。' },
  { title: '村级小额资金使用管理暂行办法', issuer: '中共{county}纪委', docPrefix: '{p}纪发', area: 'funds', summary: '村级小额资金使用实行“四议两公开”，支出凭证须经村务监督委员会审核。' },
  { title: '关于进一步落实党风廉政建设约谈制度的实施意见', issuer: '中共{county}纪委', docPrefix: '{p}纪发', area: 'other', summary: '明确提醒约谈、诫勉约谈的情形、程序和结果运用。' },
];
export const recentRules: DemoRule[] = [
  { title: '政府投资工程项目廉政风险防控办法', issuer: '中共{county}纪委、{county}住房和城乡建设局', docPrefix: '{p}纪发', area: 'construction', summary: '对项目立项、招标、施工、验收、结算五个环节查找风险点，逐一落实防控措施。' },
  { title: '关于推行村级党务公开目录化管理的通知', issuer: '中共{county}委组织部', docPrefix: '{p}组通', area: 'partyAffairs', summary: '统一村级党务公开目录和公开栏样式，每季度至少公开一次。' },
];

/** Posts with their typical integrity risks and measures, for departments and for townships. */
export interface DemoRisk { post: string; description: string; level: RiskLevel; measures: string }
export const departmentRisks: Record<string, DemoRisk[]> = {
  D13: [
    { post: '国库支付股股长', description: '审核资金拨付时把关不严，可能违规拨付或优亲厚友', level: 'high', measures: '实行支付“双人审核”，大额资金集体研究，支付信息每月公开' },
    { post: '农业股股员', description: '惠农补贴资金发放中可能虚报冒领、截留挪用', level: 'medium', measures: '补贴资金“一卡通”直达到户，发放名册张榜公示' },
  ],
  D16: [
    { post: '分管工程建设副局长', description: '干预工程招投标，指定施工单位', level: 'high', measures: '领导干部插手工程建设登记报告制度，招标全流程进入交易中心' },
    { post: '质量安全监督站站长', description: '工程质量验收中降低标准、收受好处', level: 'high', measures: '验收实行联合组验，随机抽取验收人员，结果公示' },
    { post: '房地产市场监管股股员', description: '商品房预售许可审核中吃拿卡要', level: 'medium', measures: '审核要件清单化，办理时限公开，群众评议' },
  ],
  D15: [
    { post: '耕地保护股股长', description: '土地征收补偿面积核定不实', level: 'high', measures: '丈量结果三方签字确认并张榜公示，纪委监委全程监督' },
    { post: '不动产登记中心窗口人员', description: '违规办理登记或借机索取好处', level: 'medium', measures: '实行一窗受理、全程留痕、限时办结' },
  ],
  D25: [
    { post: '交易服务科科长', description: '泄露投标人名单、评标专家信息', level: 'high', measures: '电子化交易，专家随机抽取并语音通知，信息加密管理' },
    { post: '场地管理员', description: '开评标现场管理不严，与投标人私下接触', level: 'low', measures: '开评标全程录音录像，见证人员交叉轮换' },
  ],
  D10: [
    { post: '计划财务股股长', description: '学校工程和教学设备采购中收受回扣', level: 'medium', measures: '采购统一进入政府采购平台，验收实行学校、股室双签' },
    { post: '人事股股长', description: '教师招聘、调动中暗箱操作', level: 'medium', measures: '招聘调动方案事前公示，结果公示不少于5个工作日' },
  ],
  D17: [
    { post: '农村公路建设办公室主任', description: '虚增工程量，提前支付工程款', level: 'high', measures: '计量支付与监理签证挂钩，按合同进度支付并定期审计' },
  ],
  D22: [
    { post: '执法大队队长', description: '行政处罚自由裁量随意，应罚未罚', level: 'medium', measures: '严格执行自由裁量基准，处罚决定法制审核、集体讨论' },
    { post: '食品生产许可审核员', description: '现场核查走过场，违规发证', level: 'low', measures: '核查人员随机选派，核查报告双人签字' },
  ],
  D14: [
    { post: '社会保险基金管理股股员', description: '违规办理参保缴费或待遇领取', level: 'medium', measures: '业务系统权限分离，待遇资格定期核查比对' },
  ],
};
export const townshipRisks: DemoRisk[] = [
  { post: '党委书记', description: '“三重一大”事项个人说了算，不执行集体决策', level: 'high', measures: '严格执行“三重一大”集体决策制度，会议纪要存档备查' },
  { post: '分管村镇建设副镇长', description: '插手集镇建设工程发包', level: 'high', measures: '小额工程按规定比选发包，结果在便民服务中心公示' },
  { post: '财政所所长', description: '违规报销、虚列支出', level: 'medium', measures: '报账实行“所长审核、分管领导审签、主要领导审批”' },
  { post: '民政办负责人', description: '低保、临时救助对象审核不严，优亲厚友', level: 'medium', measures: '低保评议、公示、备案，乡镇纪委随机抽查' },
  { post: '自然资源所所长', description: '农村宅基地审批中违规操作', level: 'medium', measures: '审批流程公开，村级评议、乡镇联审' },
  { post: '村（社区）党总支书记', description: '村集体“三资”管理中侵占、挪用', level: 'high', measures: '实行村账乡代管和“四议两公开”，村务监督委员会全程监督' },
  { post: '农业服务中心主任', description: '惠农项目申报中虚报冒领', level: 'low', measures: '项目申报名单三级公示，验收拍照留存' },
];

export const responsibles = ['张某某', '王某', '李某某', '赵某', '刘某某', '陈某', '杨某某', '黄某', '周某某', '吴某', '段某某', '普某'];
