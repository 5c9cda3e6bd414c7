/**
 * Words of the disclosure module's codes, zh and en, shared by the server (breakdown dimensions) and the pages
 * (plain data, no server imports).
 */
export type Pair = readonly [zh: string, en: string];

export const disclosureKindWords: Readonly<Record<string, Pair>> = {
  party: ['党务公开', 'Party affairs'], government: ['政务公开', 'Government affairs'], village: ['村务公开', 'Village affairs'], service: ['办事公开', 'Public services'],
};

export const checkResultWords: Readonly<Record<string, Pair>> = {
  passed: ['合格', 'Passed'], incomplete: ['内容不全', 'Incomplete'], notUpdated: ['更新不及时', 'Not updated in time'], fake: ['假公开', 'Sham disclosure'],
  partial: ['半公开', 'Partial disclosure'],
};

export const siteStatusWords: Readonly<Record<string, Pair>> = {
  cultivating: ['培育中', 'Being cultivated'], named: ['已命名', 'Named'], revoked: ['撤销', 'Revoked'],
};

export const obligationStatusWords: Readonly<Record<string, Pair>> = {
  onTime: ['按时', 'On time'], late: ['逾期', 'Late'], missing: ['未公开', 'Not disclosed'], pending: ['待公开', 'Not yet due'], untracked: ['—', '—'],
};

export const channelWords: Readonly<Record<string, Pair>> = { noticeBoard: ['公开栏', 'Notice board'], website: ['网站', 'Website'], wechat: ['微信群', 'WeChat group'] };

/** The checklist categories of each kind (schedule.ts lists which belong to which kind). */
export const itemWords: Readonly<Record<string, Pair>> = {
  finance: ['财务收支', 'Income and spending'], farmSubsidy: ['惠农补贴', 'Farm subsidies'], minimumLiving: ['低保评定', 'Minimum-living allowances'],
  projects: ['工程项目', 'Works projects'], collectiveAssets: ['集体资产（三资）', 'Collective funds, assets, resources'],
  villageDecision: ['“四议两公开”决策事项', 'Decisions under the four-deliberations-two-disclosures procedure'],
  partyBuilding: ['党组织建设', 'Party organisation'], memberDevelopment: ['党员发展', 'New party members'], partyDues: ['党费收缴使用', 'Party dues'],
  appointments: ['干部任免', 'Appointments'], majorDecisions: ['重大决策', 'Major decisions'],
  budget: ['财政预决算', 'Budgets and final accounts'], majorProjects: ['重大项目', 'Major projects'], approvals: ['行政审批', 'Administrative approvals'],
  livelihoodFunds: ['民生资金', 'Livelihood funds'],
  serviceGuide: ['办事指南', 'Service guide'], procedures: ['办事流程', 'Procedures'], fees: ['收费标准', 'Fees'], timeLimits: ['办理时限', 'Time limits'], results: ['办理结果', 'Results'],
};
