/**
 * zh-CN and en texts for every rule violation and label of the rules library. Keys are the violation codes
 * (all prefixed `cases.`), so the module registration can merge them into the server dictionaries unchanged.
 * Every violation message ends with its legal basis ({source}), which is how a refusal "names the rule".
 * Labels of table rows (deadline rules, sanctions, disciplines, case types) are generated from the tables so
 * they cannot drift apart.
 */
import { caseTypeSeed } from './caseTypes';
import { casesMoreMessages } from './moreMessages';
import { caseStages, stageLabels } from './caseStages';
import { defaultDeadlineRules } from './deadlineRules';
import { disciplines } from './disciplines';
import { firstFormMeasures, organisationalMeasures } from './fourForms';
import { personCategories } from './sanctionChecks';
import { adminSanctionInfo, adminSanctionKinds, partySanctionInfo, partySanctionKinds } from './sanctions';
import type { RuleViolation } from './violations';

type Dict = Record<string, string>;

const violationsZh: Dict = {
  'cases.deadline.invalidDate': '“{rule}”的日期无效：{date}（依据：{source}）',
  'cases.deadline.noExtensionAllowed': '“{rule}”不得延长（依据：{source}）',
  'cases.deadline.tooManyExtensions': '“{rule}”最多延长 {max} 次（依据：{source}）',
  'cases.deadline.extensionAmountRequired': '“{rule}”的延长须写明经批准延长的时长（依据：{source}）',
  'cases.deadline.extensionUnit': '“{rule}”的延长须以{unitZh}计（依据：{source}）',
  'cases.deadline.extensionTooLong': '“{rule}”每次延长不得超过 {max}{unitZh}（依据：{source}）',
  'cases.deadline.clockCannotStop': '“{rule}”不因中止或补充调查停止计算（依据：{source}）',
  'cases.deadline.suspensionOrder': '“{rule}”的中止期间结束日 {to} 早于开始日 {from}（依据：{source}）',
  'cases.deadline.suspensionBeforeStart': '“{rule}”的中止期间开始日 {from} 早于期限起算日 {start}（依据：{source}）',
  'cases.ruleTable.unknownKey': '期限规则表中没有此规则：{key}',
  'cases.ruleTable.invalid': '期限规则“{key}”的修改无效：{detail}',
  'cases.sanction.nothingToCombine': '没有需要合并处理的处分（依据：{source}）',
  'cases.sanction.combinedMonthsRange': '多个相同政务处分合并的处分期应在 {min} 至 {max} 个月之间，不能为 {months} 个月（依据：{source}）',
  'cases.sanction.notPartyMember': '被处分人不是中共党员，不能给予党纪处分（依据：{source}）',
  'cases.sanction.removalWithoutPost': '没有党内职务的党员应当撤销党内职务的，应给予严重警告处分（依据：{source}）',
  'cases.sanction.probationTerm': '留党察看期限只能为一年或者二年（依据：{source}）',
  'cases.sanction.newViolationOnProbation': '留党察看期间又有违纪行为的，应当开除党籍（依据：{source}）',
  'cases.sanction.retired': '已退休的公职人员不再给予政务处分，可依法调整其待遇（依据：{source}）',
  'cases.sanction.villageCadreLimit': '基层群众性自治组织中从事管理的人员只能给予警告、记过或者记大过，不能给予{kindZh}（依据：{source}）',
  'cases.sanction.otherPublicDutyLimit': '其他依法履行公职的人员只能给予警告、记过或者记大过，不能给予{kindZh}（依据：{source}）',
  'cases.sanction.congressAppointeeFirst': '由人大或政协选举、任命的人员，应先依法罢免、撤销或免去其职务，再给予撤职或开除（依据：{source}）',
  'cases.sanction.crimeRequiresExpulsion': '因犯罪受到刑事处罚的，应当给予开除（依据：{source}）',
  'cases.sanction.crimeDismissalNeedsApproval': '过失犯罪判处三年以下有期徒刑而给予撤职的，须经上一级机关批准（依据：{source}）',
  'cases.sanction.crimeRequiresDismissal': '被单处罚金、不起诉或免予刑事处罚的，应给予撤职或者开除（依据：{source}）',
  'cases.exemption.onlyLightSanction': '只有应给予警告或严重警告处分的，才可以免予处分（依据：{source}）',
  'cases.exemption.needsMitigation': '免予处分须具有从轻或者减轻处分的情形（依据：{source}）',
  'cases.exemption.needsWrittenConclusion': '免予处分须作出书面结论（依据：{source}）',
  'cases.exemption.needsMinorFacts': '免予政务处分须情节轻微（依据：{source}）',
  'cases.exemption.measureNotAllowed': '免予政务处分只能采取谈话提醒、批评教育、责令检查或者予以诫勉（依据：{source}）',
  'cases.stage.illegalTransition': '案件不能从“{from}”转到“{to}”（依据：{source}）',
  'cases.stage.closeWithoutDecision': '未作出处理决定的案件只能经批准撤销后结案（依据：{source}）',
  'cases.stage.reviewNeedsReport': '移送审理前须形成审查调查报告（依据：{source}）',
  'cases.stage.reviewTeamSize': '审理组成员不得少于二人（依据：{source}）',
  'cases.stage.reviewSeparation': '有 {count} 名审理人员参与过本案审查调查，调查与审理应当分离（依据：{source}）',
  'cases.stage.sendBackMode': '退回须写明是重新调查还是补充调查（依据：{source}）',
  'cases.stage.decisionNeedsReview': '未形成审理报告，不能作出处理决定（依据：{source}）',
  'cases.stage.outcomeMissing': '还有 {count} 名被调查人没有处理结果（依据：{source}）',
  'cases.stage.openDeadlines': '尚有 {count} 项期限未办结（{rules}），不能结案（依据：{source}）',
  'cases.stage.executionIncomplete': '处理决定尚未执行完毕，不能结案（依据：{source}）',
  'cases.stage.sanctionBeforeReview': '案件处于“{stage}”阶段，审理前不能作出处分（依据：{source}）',
  'cases.stage.sanctionAfterDecision': '案件处于“{stage}”阶段，已作出的决定只能通过复审、复核变更（依据：{source}）',
  'cases.caseType.invalid': '案件类别“{code}”的内容无效',
  'cases.caseType.duplicate': '案件类别编码“{code}”重复',
  'cases.caseType.unknownParent': '案件类别“{code}”的上级类别不存在',
  'cases.caseType.cycle': '案件类别“{code}”的上下级关系形成循环',
};

const violationsEn: Dict = {
  'cases.deadline.invalidDate': '"{ruleEn}": invalid date {date} (basis: {source})',
  'cases.deadline.noExtensionAllowed': '"{ruleEn}" cannot be extended (basis: {source})',
  'cases.deadline.tooManyExtensions': '"{ruleEn}" can be extended at most {max} time(s) (basis: {source})',
  'cases.deadline.extensionAmountRequired': '"{ruleEn}": state the approved length of the extension (basis: {source})',
  'cases.deadline.extensionUnit': '"{ruleEn}": the extension is counted in {unitEn} (basis: {source})',
  'cases.deadline.extensionTooLong': '"{ruleEn}": an extension may not exceed {max} {unitEn} (basis: {source})',
  'cases.deadline.clockCannotStop': '"{ruleEn}" does not stop for a suspension or supplementary investigation (basis: {source})',
  'cases.deadline.suspensionOrder': '"{ruleEn}": the suspension ends ({to}) before it starts ({from}) (basis: {source})',
  'cases.deadline.suspensionBeforeStart': '"{ruleEn}": the suspension starts ({from}) before the period starts ({start}) (basis: {source})',
  'cases.ruleTable.unknownKey': 'No such rule in the deadline table: {key}',
  'cases.ruleTable.invalid': 'The change to deadline rule "{key}" is invalid: {detail}',
  'cases.sanction.nothingToCombine': 'There are no sanctions to combine (basis: {source})',
  'cases.sanction.combinedMonthsRange': 'A combined period for identical administrative sanctions must be {min}–{max} months, not {months} (basis: {source})',
  'cases.sanction.notPartyMember': 'The person is not a party member and cannot receive a party sanction (basis: {source})',
  'cases.sanction.removalWithoutPost': 'A member without party posts who should be removed from post receives a serious warning instead (basis: {source})',
  'cases.sanction.probationTerm': 'Probation within the party is for one or two years only (basis: {source})',
  'cases.sanction.newViolationOnProbation': 'A new violation during probation within the party leads to expulsion (basis: {source})',
  'cases.sanction.retired': 'Retired officials receive no administrative sanction; their benefits may be adjusted (basis: {source})',
  'cases.sanction.villageCadreLimit': 'Managers in village or residents\' committees can only receive a warning, demerit or major demerit, not {kindEn} (basis: {source})',
  'cases.sanction.otherPublicDutyLimit': 'Other persons performing public duties can only receive a warning, demerit or major demerit, not {kindEn} (basis: {source})',
  'cases.sanction.congressAppointeeFirst': 'A person elected or appointed by a people\'s congress or CPPCC must first be removed from that office (basis: {source})',
  'cases.sanction.crimeRequiresExpulsion': 'A criminal sentence for these acts requires expulsion (basis: {source})',
  'cases.sanction.crimeDismissalNeedsApproval': 'Dismissal instead of expulsion after a negligent crime (≤3 years) needs the next-higher organ\'s approval (basis: {source})',
  'cases.sanction.crimeRequiresDismissal': 'A fine only, non-prosecution or exemption from criminal punishment requires dismissal from post or expulsion (basis: {source})',
  'cases.exemption.onlyLightSanction': 'Exemption is possible only where a warning or serious warning is due (basis: {source})',
  'cases.exemption.needsMitigation': 'Exemption needs a lighter-treatment or mitigating circumstance (basis: {source})',
  'cases.exemption.needsWrittenConclusion': 'Exemption needs a written conclusion (basis: {source})',
  'cases.exemption.needsMinorFacts': 'Exemption from an administrative sanction needs minor facts (basis: {source})',
  'cases.exemption.measureNotAllowed': 'On exemption only a reminder talk, criticism, ordered self-examination or admonition is possible (basis: {source})',
  'cases.stage.illegalTransition': 'A case cannot move from "{fromEn}" to "{toEn}" (basis: {source})',
  'cases.stage.closeWithoutDecision': 'A case without a decision can only be closed by an approved withdrawal (basis: {source})',
  'cases.stage.reviewNeedsReport': 'File the investigation report before transferring to review (basis: {source})',
  'cases.stage.reviewTeamSize': 'The review team needs at least two members (basis: {source})',
  'cases.stage.reviewSeparation': '{count} reviewer(s) took part in the investigation; investigation and review must be separate (basis: {source})',
  'cases.stage.sendBackMode': 'Say whether the case goes back for re-investigation or supplementary investigation (basis: {source})',
  'cases.stage.decisionNeedsReview': 'No decision before the review report is filed (basis: {source})',
  'cases.stage.outcomeMissing': '{count} subject(s) have no recorded outcome (basis: {source})',
  'cases.stage.openDeadlines': '{count} time limit(s) are still open ({rulesEn}); the case cannot be closed (basis: {source})',
  'cases.stage.executionIncomplete': 'The decision has not been fully executed; the case cannot be closed (basis: {source})',
  'cases.stage.sanctionBeforeReview': 'The case is in "{stageEn}": no sanction before review (basis: {source})',
  'cases.stage.sanctionAfterDecision': 'The case is in "{stageEn}": a decision can only be changed by re-examination or re-check (basis: {source})',
  'cases.caseType.invalid': 'Case type "{code}" is invalid',
  'cases.caseType.duplicate': 'Case type code "{code}" is used twice',
  'cases.caseType.unknownParent': 'The parent of case type "{code}" does not exist',
  'cases.caseType.cycle': 'The parents of case type "{code}" form a cycle',
};

const formLabels = {
  zh: { 1: '第一种形态', 2: '第二种形态', 3: '第三种形态', 4: '第四种形态' },
  en: { 1: 'First form', 2: 'Second form', 3: 'Third form', 4: 'Fourth form' },
} as const;

const measureLabels: Record<string, [string, string]> = {
  reminderTalk: ['谈话提醒', 'Reminder talk'], criticism: ['批评教育', 'Criticism and education'],
  selfExamination: ['责令检查', 'Ordered self-examination'], admonition: ['诫勉', 'Admonition'],
  inquiry: ['谈话函询', 'Talk or letter inquiry'], inquiryClosedWithEducation: ['谈话函询后教育了结', 'Inquiry closed with education'], circulatedNotice: ['通报', 'Circulated notice'],
  suspendedForExamination: ['停职检查', 'Suspended for examination'], postAdjusted: ['调整职务', 'Post adjusted'],
  orderedToResign: ['责令辞职', 'Ordered to resign'], removedFromOffice: ['免职', 'Removed from office'],
  majorPostAdjustment: ['重大职务调整', 'Major post adjustment'], organisational: ['组织处理', 'Organisational handling'],
};

const categoryLabels: Record<string, [string, string]> = {
  civilServant: ['公务员及参照公务员法管理的人员', 'Civil servant'],
  publicInstitution: ['事业单位及授权组织中从事管理的人员', 'Public institution manager'],
  soeManager: ['国有企业管理人员', 'SOE manager'],
  villageCommitteeManager: ['基层群众性自治组织中从事管理的人员', "Village or residents' committee manager"],
  otherPublicDuty: ['其他依法履行公职的人员', 'Other person performing public duties'],
};

function labels(lang: 0 | 1): Dict {
  const out: Dict = {};
  for (const k of partySanctionKinds) out[`cases.partySanction.${k}`] = lang ? partySanctionInfo[k].labelEn : partySanctionInfo[k].labelZh;
  for (const k of adminSanctionKinds) out[`cases.adminSanction.${k}`] = lang ? adminSanctionInfo[k].labelEn : adminSanctionInfo[k].labelZh;
  for (const s of caseStages) out[`cases.stage.${s}`] = lang ? stageLabels[s].en : stageLabels[s].zh;
  for (const r of defaultDeadlineRules) out[`cases.deadlineRule.${r.key}`] = lang ? r.labelEn : r.labelZh;
  for (const d of disciplines) out[`cases.discipline.${d.code}`] = lang ? d.labelEn : d.labelZh;
  for (const t of caseTypeSeed) out[`cases.caseType.${t.code}`] = lang ? t.labelEn : t.labelZh;
  for (const m of [...firstFormMeasures, ...organisationalMeasures, 'organisational']) out[`cases.measure.${m}`] = measureLabels[m][lang];
  for (const c of personCategories) out[`cases.personCategory.${c}`] = categoryLabels[c][lang];
  for (const f of [1, 2, 3, 4] as const) out[`cases.form.${f}`] = (lang ? formLabels.en : formLabels.zh)[f];
  out['cases.deadlineState.ok'] = lang ? 'In time' : '正常';
  out['cases.deadlineState.dueSoon'] = lang ? 'Due soon' : '即将到期';
  out['cases.deadlineState.overdue'] = lang ? 'Overdue' : '已超期';
  return out;
}

export const casesRulesMessages = {
  zh: { ...violationsZh, ...labels(0), ...casesMoreMessages.zh },
  en: { ...violationsEn, ...labels(1), ...casesMoreMessages.en },
};

/** Fills a violation's message in one language (for tests, logs and documents; the API renders via i18n). */
export function renderViolation(v: RuleViolation, locale: 'zh' | 'en'): string {
  const text = casesRulesMessages[locale][v.code];
  if (!text) return v.code;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in v.params ? String(v.params[name]) : m));
}
