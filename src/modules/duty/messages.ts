/**
 * Server messages of the duty module (zh-CN and en). Field labels are shared by every module (keyed by the last
 * path segment), so only names this module introduces are added; `title`, `content` read as elsewhere.
 */
const zh: Record<string, string> = {
  'what.dutyTask': '责任分解任务',
  'what.dutyMeeting': '履职情况汇报会议',
  'what.dutyRound': '评议',
  'duty.dateOrder': '{field}（{date}）不能早于{after}',
  'duty.dateFuture': '{field}（{date}）不能晚于今天',
  'duty.alreadyDone': '该任务已于{date}办结，不能重复办结',
  'duty.notSecretary': '{field}须为本县乡镇（街道）的干部',
  'duty.alreadyReported': '{field}：{name}已在本次会议上汇报',
  'duty.roundClosed': '评议“{name}”已结束，{field}不再受理',
  'duty.alreadyRated': '{field}：您已对{name}作出评议，不能重复评议',
  'duty.notSubject': '{field}不是本次评议的对象',
  'duty.duplicateSubject': '{field}中同一名书记出现了两次',
  'duty.noSecretaries': '本县没有登记乡镇党委书记，请指定{field}',
  'duty.yearMismatch': '{field}（{date}）不在任务年度{year}年内',
  'duty.roundAlreadyClosed': '评议“{name}”已经结束',
  'duty.quarterAfterMeeting': '{field}（{quarter}）在会议日期（{date}）之后才开始，会议只能分析已经开始的季度',
};
const en: Record<string, string> = {
  'what.dutyTask': 'Duty task',
  'what.dutyMeeting': 'Duty report meeting',
  'what.dutyRound': 'Appraisal round',
  'duty.dateOrder': '{field} ({date}) cannot be before {after}',
  'duty.dateFuture': '{field} ({date}) cannot be in the future',
  'duty.alreadyDone': 'The task was completed on {date}; it cannot be completed again',
  'duty.notSecretary': '{field} must be an official of a township of this county',
  'duty.alreadyReported': '{field}: {name} has already reported at this meeting',
  'duty.roundClosed': 'The appraisal "{name}" is closed; {field} are no longer accepted',
  'duty.alreadyRated': '{field}: you have already appraised {name}; an appraisal cannot be given twice',
  'duty.notSubject': '{field} is not appraised in this round',
  'duty.duplicateSubject': '{field} lists the same secretary twice',
  'duty.noSecretaries': 'No township party secretary is on record; name the {field}',
  'duty.yearMismatch': '{field} ({date}) is not in the task year {year}',
  'duty.roundAlreadyClosed': 'The appraisal "{name}" is already closed',
  'duty.quarterAfterMeeting': '{field} ({quarter}) begins after the meeting date ({date}): a meeting analyses a quarter that has begun',
};

export const dutyMessages = {
  zh, en,
  fieldLabelsZh: {
    year: '年度', leadLeader: '牵头县领导', unitIds: '责任单位', assignedOn: '下达日期', deadline: '完成时限', completionNote: '完成情况',
    completedOn: '完成日期', meetingName: '会议名称', heldOn: '举行日期', reviewedQuarter: '所分析季度', officialId: '汇报人', summary: '汇报内容摘要', roundName: '评议名称',
    meetingId: '所属会议', officialIds: '评议对象', ratings: '评议结果', subjectId: '评议对象', rating: '评议等次',
  },
  fieldLabelsEn: {
    title: 'Title', content: 'Content', year: 'Year', leadLeader: 'Lead county leader', unitIds: 'Responsible units', assignedOn: 'Assigned on',
    deadline: 'Deadline', completionNote: 'Completion note', completedOn: 'Completed on', meetingName: 'Meeting name', heldOn: 'Date', reviewedQuarter: 'Quarter analysed',
    officialId: 'Reporting secretary', summary: 'Report summary', roundName: 'Appraisal name', meetingId: 'Meeting', officialIds: 'Secretaries appraised',
    ratings: 'Ratings', subjectId: 'Secretary appraised', rating: 'Rating',
  },
};
