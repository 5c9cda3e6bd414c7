/** Invented texts for the demo responsibility system: tasks of the year's 责任分解, report summaries, leaders (张某某-style). */
export const demoTasks: Array<{ title: string; content: string; leader: string; units: Array<'township' | 'department'> }> = [
  { title: '落实党风廉政建设主体责任，签订年度责任书', content: '党委（党组）书记与班子成员、班子成员与分管部门负责人逐级签订党风廉政建设责任书，明确责任清单。', leader: '王某某', units: ['township', 'township', 'department'] },
  { title: '开展廉政风险点排查，完善防控措施', content: '围绕重点领域和关键岗位排查廉政风险点，逐项制定防控措施并报县纪委监委备案。', leader: '李某', units: ['township', 'department'] },
  { title: '推进村级“三资”管理规范化', content: '对村级集体资金、资产、资源开展清理核实，建立台账，按季度公开。', leader: '赵某某', units: ['township', 'township', 'township'] },
  { title: '规范惠农资金发放，开展专项检查', content: '对农村低保、特困供养、耕地地力保护补贴等惠农资金发放情况开展检查，发现问题限期整改。', leader: '刘某', units: ['township', 'township', 'department'] },
  { title: '开展作风纪律集中整顿', content: '聚焦庸懒散拖、吃拿卡要等问题开展自查自纠，形成整改清单。', leader: '陈某某', units: ['department', 'township'] },
  { title: '加强廉政文化建设，开展警示教育', content: '组织干部观看警示教育片、参观廉政教育基地，开展以案促改。', leader: '杨某', units: ['township', 'township', 'department'] },
  { title: '落实“一岗双责”，班子成员述责述廉', content: '班子成员在民主生活会上报告履行“一岗双责”情况，接受评议。', leader: '王某某', units: ['township'] },
  { title: '整改巡察反馈问题并报送整改报告', content: '对照巡察反馈问题清单逐项整改，按时报送整改进展情况报告。', leader: '段某某', units: ['township', 'township', 'department'] },
];

export const reportSummaries = [
  '党委认真履行主体责任，书记带头签订责任书，班子成员按分工落实“一岗双责”；全年开展廉政谈话{n}人次，查找风险点并制定防控措施；下一步将加强对村（社区）干部的日常监督。',
  '坚持把党风廉政建设与经济社会发展同部署、同落实；对惠农资金发放开展自查，发现问题{n}个并完成整改；存在对村级“小微权力”监督不够到位的问题，正在建立清单管理制度。',
  '召开党委会专题研究党风廉政建设{n}次，落实村务监督委员会工作，推进“三资”规范管理；针对群众反映的作风问题开展集中整顿，约谈提醒村干部多人。',
  '书记带头讲廉政党课，组织警示教育；对巡察反馈的问题建立台账，已整改{n}项；工作中仍存在压力传导层层递减的问题，将通过季度汇报和督查加以解决。',
];

export const completionNotes = [
  '已按要求完成，相关资料已整理归档并报县纪委监委备案。', '已召开专题会议部署落实，形成工作台账，完成情况已书面报告。',
  '已完成自查自纠，发现的问题已逐项整改到位。', '已组织实施，覆盖全部村（社区），相关佐证材料已报送。',
];
