import { z } from 'zod';

/**
 * The report's sentences are data the office can edit (stored in settings `analysis.reportTemplates`).
 * A paragraph is a list of clauses; `{metric.key}` inserts a figure, `{period}` the period's name.
 * A clause whose figures are unavailable is left out, so a section grows as modules land and no
 * sentence ever shows a number the system did not compute.
 */
export const clauseSchema = z.strictObject({ text: z.string().min(1).max(500), sep: z.enum(['，', '；', '。', '']).default('，') });
export const paragraphSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-zA-Z0-9.]*$/),
  section: z.enum(['achievements', 'statistics']),
  heading: z.string().max(60).optional(),
  clauses: z.array(clauseSchema).min(1).max(30),
});
export const templatesSchema = z.strictObject({
  title: z.string().min(1).max(100),
  nextSteps: z.array(z.string().min(1).max(2000)).max(20),
  paragraphs: z.array(paragraphSchema).max(60),
});
export type ReportTemplates = z.infer<typeof templatesSchema>;
export type ParagraphTemplate = z.infer<typeof paragraphSchema>;

export const placeholderPattern = /\{([a-zA-Z]+(?:\.[a-zA-Z]+)*)\}/g;

export const defaultTemplates: ReportTemplates = {
  title: '{period}全县党风廉政建设和反腐败工作形势分析',
  paragraphs: [
    { id: 'duty', section: 'achievements', heading: '坚持在落实责任、凝聚合力上下功夫',
      clauses: [{ text: '{period}，县委听取{duty.secretaryReportsHeard}名乡镇党委书记履行“一岗双责”情况汇报，并对乡镇党委书记进行评议', sep: '。' }] },
    { id: 'people', section: 'achievements', heading: '坚持在维护民利、保障民生上下功夫',
      clauses: [
        { text: '通过网上政风行风热线、政风行风投诉电话和政风行风监测点，共接收信访举报{reports.received}件次', sep: '，' },
        { text: '受理效能投诉{reports.efficiencyComplaints}件', sep: '，' },
        { text: '其中反映作风漂浮、工作疲沓问题{reports.efficiencyConductComplaints}件', sep: '。' },
      ] },
    { id: 'prevention', section: 'achievements', heading: '坚持在创新制度、有效预防上下功夫',
      clauses: [
        { text: '制定出台预防腐败制度{prevention.rulesIssued}个', sep: '，' },
        { text: '培育并完善办事公开示范点{disclosure.demoSites}个', sep: '；' },
        { text: '深入开展工程建设领域突出问题专项治理，排查百万元以上工程{campaigns.projectsInspected}个', sep: '，' },
        { text: '发现问题{campaigns.findings}个', sep: '，' },
        { text: '已整改到位{campaigns.rectified}个', sep: '，' },
        { text: '正在整改{campaigns.rectifying}个', sep: '。' },
      ] },
    { id: 'cases', section: 'achievements', heading: '坚持在依纪依法、规范办案上下功夫',
      clauses: [
        { text: '{period}，全县纪检监察机关累计办案{cases.opened}件', sep: '，' },
        { text: '其中科级干部案件{cases.openedTownshipRank}件', sep: '，' },
        { text: '经济类案件{cases.openedEconomic}件', sep: '；' },
        { text: '给予党纪政务处分{sanctions.persons}人', sep: '，' },
        { text: '免予处分{sanctions.exempted}人', sep: '，' },
        { text: '移送司法机关处理{cases.prosecutedPersons}人', sep: '，' },
        { text: '挽回经济损失{cases.lossesRecoveredWan}万元', sep: '。' },
      ] },
    { id: 'bulletin', section: 'statistics',
      clauses: [
        { text: '{period}，全县纪检监察机关共接收信访举报{reports.received}件次', sep: '，' },
        { text: '处置问题线索{clues.handled}件', sep: '，' },
        { text: '谈话函询{clues.inquiries}件次', sep: '，' },
        { text: '立案{cases.opened}件', sep: '，' },
        { text: '处分{sanctions.persons}人（其中党纪处分{sanctions.party}人、政务处分{sanctions.admin}人）', sep: '。' },
        { text: '处分县处级干部{sanctions.rank.county}人', sep: '，' },
        { text: '乡科级干部{sanctions.rank.township}人', sep: '，' },
        { text: '一般干部{sanctions.rank.general}人', sep: '，' },
        { text: '农村、企业等其他人员{sanctions.rank.other}人', sep: '。' },
      ] },
  ],
  nextSteps: [
    '（一）进一步落实党风廉政建设责任制。各乡镇各部门要切实履行主体责任，主要负责同志要认真履行第一责任人职责，班子成员要落实“一岗双责”。',
    '（二）进一步加大查办案件力度。坚持有案必查、有腐必惩，严肃查处发生在群众身边的不正之风和腐败问题。',
    '（三）进一步强化源头治理。深化工程建设、公共资源交易等重点领域专项治理，运用信息化手段加强廉政风险防控。',
  ],
};

export function placeholders(text: string): string[] {
  return [...text.matchAll(placeholderPattern)].map((m) => m[1]);
}
