import { measureLabels } from './measures';

/** Texts of the measure and 复审/复核 rules and their labels (zh-CN and en), merged into casesRulesMessages. */
const zh: Record<string, string> = {
  'what.caseType': '案件类别',
  'what.caseMeasure': '措施',
  'what.caseOutcome': '处理结果',
  'what.caseReview': '复审、复核申请',
  'cases.caseMeasure.dateOrder': '{what}日期 {date} 不能早于 {after}（依据：{source}）',
  'cases.review.dateOrder': '{what}日期 {date} 不能早于 {after}（依据：{source}）',
  'cases.caseMeasure.beforeOpening': '{kindZh}的开始日期 {date} 不能早于立案日期 {after}（依据：{source}）',
  'cases.caseMeasure.overlap': '该被审查调查人已有{kindZh}（{from} 至 {to}），同一时间不能再采取（依据：{source}）',
  'cases.caseMeasure.ended': '{kindZh}已于 {date} 解除（依据：{source}）',
  'cases.caseMeasure.noPeriod': '{kindZh}没有法定期限，无需延长（依据：{source}）',
  'cases.caseMeasure.extensionOutsidePeriod': '{kindZh}的延长须在期限内（{from} 至 {to}）批准，{date} 不在期限内（依据：{source}）',
  'cases.caseMeasure.caseClosed': '案件已于 {date} 结案，不能再采取措施（依据：{source}）',
  'cases.review.notSanction': '只有党纪政务处分决定可以申请{levelZh}（依据：{source}）',
  'cases.review.alreadyApplied': '该处分决定已申请过{levelZh}，不能重复申请（依据：{source}）',
  'cases.review.recheckBeforeReexamination': '须先经复审并作出复审决定，才能向上一级机关申请复核（依据：{source}）',
  'cases.review.nothingToReview': '原处分已被撤销，没有可申请{levelZh}的决定（依据：{source}）',
  'cases.review.applicationLate': '{levelZh}申请日期 {date} 已超过申请期限 {due}（依据：{source}）',
  'cases.review.alreadyDecided': '该{levelZh}已作出决定（依据：{source}）',
  'cases.review.changeNeedsSanction': '变更处分须写明变更后的处分（依据：{source}）',
  'cases.review.sanctionOnlyWhenChanged': '只有变更决定才写明新的处分（依据：{source}）',
  'cases.review.trackMismatch': '变更后的处分应与原处分同为党纪处分或同为政务处分（依据：{source}）',
  'cases.review.handlerOnCase': '{field}：{user}曾担任原案{roleZh}，不得承办{levelZh}，复审复核应由未参与原案的人员独立办理（依据：{source}）',
  'cases.review.handlerNotFound': '{field}中有用户不存在、已停用或不属本县',
  'cases.detention.specialOnlyDetention': '只有留置可以特别延长，{kindZh}不能（依据：{source}）',
  'cases.detention.specialBeforeExtension': '留置须先经一次延长（不超过3个月），才能经国家监察委员会批准再延长2个月（依据：{source}）',
  'cases.detention.specialAlready': '该留置已于 {date} 特别延长（{ref}），不能再次延长（依据：{source}）',
  'cases.detention.tenYearsRequired': '{field}须确认为“是”：只有可能判处十年有期徒刑以上的，才可经国家监察委员会批准再延长留置（依据：监察法（2024） 第四十八条）',
  'cases.detention.notDetention': '只有留置需要记录通知单位和家属',
  'cases.detention.noticeInFuture': '通知时间不能晚于现在（依据：{source}）',
  'cases.detention.noticeBeforeStart': '通知时间 {at} 不能早于留置开始时间 {start}（依据：{source}）',
  'cases.detention.startedAtDate': '{field}须在开始日期当天（北京时间）',
  'cases.detention.noticeNeedsMethod': '已通知的，须填写{field}',
  'cases.detention.noticeOrReason': '请填写通知时间和方式，或者未通知的理由',
};

const en: Record<string, string> = {
  'what.caseType': 'Case type',
  'what.caseMeasure': 'Measure',
  'what.caseOutcome': 'Outcome',
  'what.caseReview': 'Re-examination or re-check application',
  'cases.caseMeasure.dateOrder': 'The {whatEn} date {date} cannot be before {after} (basis: {source})',
  'cases.review.dateOrder': 'The {whatEn} date {date} cannot be before {after} (basis: {source})',
  'cases.caseMeasure.beforeOpening': '{kindEn} cannot start on {date}, before the case was opened on {after} (basis: {source})',
  'cases.caseMeasure.overlap': 'The subject is already under {kindEn} ({from} to {to}); it cannot run twice at once (basis: {source})',
  'cases.caseMeasure.ended': '{kindEn} was ended on {date} (basis: {source})',
  'cases.caseMeasure.noPeriod': '{kindEn} has no statutory period to extend (basis: {source})',
  'cases.caseMeasure.extensionOutsidePeriod': 'An extension of {kindEn} must be approved within its period ({from} to {to}); {date} is not (basis: {source})',
  'cases.caseMeasure.caseClosed': 'The case was closed on {date}; no further measures (basis: {source})',
  'cases.review.notSanction': 'Only a party or administrative sanction can go to {levelEn} (basis: {source})',
  'cases.review.alreadyApplied': 'This sanction already went to {levelEn}; it cannot be applied for twice (basis: {source})',
  'cases.review.recheckBeforeReexamination': 'A re-check by the higher organ needs a decided re-examination first (basis: {source})',
  'cases.review.nothingToReview': 'The sanction was revoked; there is no decision left for {levelEn} (basis: {source})',
  'cases.review.applicationLate': 'The {levelEn} application on {date} is past its deadline {due} (basis: {source})',
  'cases.review.alreadyDecided': 'This {levelEn} has been decided (basis: {source})',
  'cases.review.changeNeedsSanction': 'A change must state the new sanction (basis: {source})',
  'cases.review.sanctionOnlyWhenChanged': 'Only a change states a new sanction (basis: {source})',
  'cases.review.trackMismatch': 'The changed sanction must stay on the same track (party or administrative) as the original (basis: {source})',
  'cases.review.handlerOnCase': '{field}: {user} was {roleEn} on the original case and may not handle the {levelEn}; reviews are handled independently by staff who were not on the case (basis: {source})',
  'cases.review.handlerNotFound': '{field} names a user who does not exist, is inactive or is outside this county',
  'cases.detention.specialOnlyDetention': 'Only detention can be specially extended, not {kindEn} (basis: {source})',
  'cases.detention.specialBeforeExtension': 'Detention must first have its one ordinary extension (≤ 3 months) before the further 2 months approved by the National Supervisory Commission (basis: {source})',
  'cases.detention.specialAlready': 'This detention was already specially extended on {date} ({ref}); it cannot be extended again (basis: {source})',
  'cases.detention.tenYearsRequired': '{field} must be confirmed: the further extension is only for a person who may be sentenced to ten years or more (basis: 监察法（2024） 第四十八条)',
  'cases.detention.notDetention': 'Only a detention needs the notice to the unit and family',
  'cases.detention.noticeInFuture': 'The notice time cannot be in the future (basis: {source})',
  'cases.detention.noticeBeforeStart': 'The notice time {at} cannot be before the detention began at {start} (basis: {source})',
  'cases.detention.startedAtDate': '{field} must fall on the start date (China time)',
  'cases.detention.noticeNeedsMethod': 'A notice given needs its {field}',
  'cases.detention.noticeOrReason': 'Give the notice time and method, or the reason it was not given',
};

for (const [k, [lz, le]] of Object.entries(measureLabels)) {
  zh[`cases.caseMeasure.${k}`] = lz;
  en[`cases.caseMeasure.${k}`] = le;
}
for (const [k, lz, le] of [['reexamination', '复审', 'Re-examination'], ['recheck', '复核', 'Re-check'], ['upheld', '维持', 'Upheld'], ['changed', '变更', 'Changed'], ['revoked', '撤销', 'Revoked']]) {
  zh[`cases.review.${k}`] = lz;
  en[`cases.review.${k}`] = le;
}

export const casesMoreMessages = { zh, en };
