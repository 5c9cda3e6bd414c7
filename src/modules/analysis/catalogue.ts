import type { MetricUnit } from './registry';

/**
 * The figures the quarterly situation analysis publishes, whether or not their module has landed yet.
 * A key here without a registered definition is reported as unavailable — never as 0.
 */
export interface ExpectedMetric { key: string; module: string; labelZh: string; labelEn: string; unit: MetricUnit }

export const expectedMetrics: ExpectedMetric[] = [
  { key: 'duty.secretaryReportsHeard', module: 'duty', labelZh: '听取乡镇党委书记汇报', labelEn: 'Township secretaries heard', unit: '名' },
  { key: 'disclosure.demoSites', module: 'disclosure', labelZh: '办事公开示范点', labelEn: 'Service disclosure demonstration sites', unit: '个' },
  { key: 'prevention.rulesIssued', module: 'prevention', labelZh: '预防腐败制度', labelEn: 'Corruption prevention rules issued', unit: '个' },
  { key: 'reports.received', module: 'reports', labelZh: '接收信访举报', labelEn: 'Reports received', unit: '件次' },
  { key: 'reports.efficiencyComplaints', module: 'reports', labelZh: '效能投诉', labelEn: 'Efficiency complaints', unit: '件' },
  { key: 'reports.efficiencyConductComplaints', module: 'reports', labelZh: '作风漂浮、工作疲沓', labelEn: 'Complaints of lax conduct', unit: '件' },
  { key: 'clues.handled', module: 'cases', labelZh: '处置问题线索', labelEn: 'Clues handled', unit: '件' },
  { key: 'clues.inquiries', module: 'cases', labelZh: '谈话函询', labelEn: 'Talks and letter inquiries', unit: '件次' },
  { key: 'cases.opened', module: 'cases', labelZh: '立案', labelEn: 'Cases opened', unit: '件' },
  { key: 'cases.openedTownshipRank', module: 'cases', labelZh: '科级干部案件', labelEn: 'Cases of section-level cadres', unit: '件' },
  { key: 'cases.openedEconomic', module: 'cases', labelZh: '经济类案件', labelEn: 'Economic cases', unit: '件' },
  { key: 'cases.prosecutedPersons', module: 'cases', labelZh: '移送司法（刑事处理）', labelEn: 'Persons transferred for prosecution', unit: '人' },
  { key: 'cases.lossesRecoveredWan', module: 'cases', labelZh: '挽回经济损失', labelEn: 'Economic losses recovered', unit: '万元' },
  { key: 'sanctions.persons', module: 'cases', labelZh: '给予党纪政务处分', labelEn: 'Persons sanctioned', unit: '人' },
  { key: 'sanctions.party', module: 'cases', labelZh: '党纪处分', labelEn: 'Party sanctions', unit: '人' },
  { key: 'sanctions.admin', module: 'cases', labelZh: '政务处分', labelEn: 'Administrative sanctions', unit: '人' },
  { key: 'sanctions.exempted', module: 'cases', labelZh: '免予处分', labelEn: 'Exempted from sanction', unit: '人' },
  ...(['provincial', 'bureau', 'county', 'township', 'general', 'other'] as const).map((rank, i) => ({
    key: `sanctions.rank.${rank}`, module: 'cases',
    labelZh: `处分${['省部级', '厅局级', '县处级', '乡科级', '一般干部', '农村、企业等其他人员'][i]}`,
    labelEn: `Sanctioned: ${['provincial', 'bureau', 'county', 'township', 'general', 'other'][i]} rank`, unit: '人' as const,
  })),
  ...(['first', 'second', 'third', 'fourth'] as const).map((form, i) => ({
    key: `forms.${form}`, module: 'cases', labelZh: `第${'一二三四'[i]}种形态`, labelEn: `Form ${i + 1}`, unit: '人次' as const,
  })),
  { key: 'risk.hits', module: 'risk', labelZh: '招投标风险预警', labelEn: 'Procurement red-flag hits', unit: '个' },
  { key: 'campaigns.projectsInspected', module: 'campaigns', labelZh: '排查100万元以上工程', labelEn: 'Projects over ¥1M inspected', unit: '个' },
  { key: 'campaigns.findings', module: 'campaigns', labelZh: '发现问题', labelEn: 'Problems found', unit: '个' },
  { key: 'campaigns.rectified', module: 'campaigns', labelZh: '整改到位', labelEn: 'Rectified', unit: '个' },
  { key: 'campaigns.rectifying', module: 'campaigns', labelZh: '正在整改', labelEn: 'Being rectified', unit: '个' },
  // Data screening of spending over standard (超标准支出).
  { key: 'spending.overStandard', module: 'spending', labelZh: '超标准支出', labelEn: 'Spending over standard', unit: '件' },
  // Village collective funds, assets and resources (村集体三资): the ledgers kept and the anomalies their screening found.
  { key: 'villageAssets.fundEntries', module: 'villageAssets', labelZh: '村级资金收支笔数', labelEn: 'Village ledger entries', unit: '件' },
  { key: 'villageAssets.fundAmountWan', module: 'villageAssets', labelZh: '村级资金收支金额', labelEn: 'Village ledger amount', unit: '万元' },
  { key: 'villageAssets.anomalies', module: 'villageAssets', labelZh: '村级三资异常', labelEn: 'Village ledger anomalies', unit: '个' },
  // Administrative penalty discretion (行政处罚自由裁量): decisions and those flagged 畸轻畸重 / 类案不同罚 / 执行不到位.
  { key: 'penaltyDiscretion.decisions', module: 'penaltyDiscretion', labelZh: '行政处罚决定', labelEn: 'Administrative penalty decisions', unit: '件' },
  { key: 'penaltyDiscretion.flagged', module: 'penaltyDiscretion', labelZh: '裁量异常处罚决定', labelEn: 'Flagged penalty decisions', unit: '件' },
  // Market allocation of public resources (道路客运线路经营权、户外广告位权 …): a planned module; until it lands this figure reads as unavailable.
  { key: 'resources.marketAllocated', module: 'resources', labelZh: '公共资源市场化配置项目', labelEn: 'Public resources allocated by market', unit: '项' },
];
