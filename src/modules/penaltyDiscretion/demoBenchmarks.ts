import type { FineBasis, PartyType, PenaltyKind, Tier } from './db';

/**
 * Demo benchmark items of four enforcement departments. Invented examples shaped like county 裁量基准 (the statute
 * cited is real, the bands are illustrative): marked `demo` in the database and in the UI, never official text.
 */
export interface DemoTier { tier: Tier; basis: FineBasis; min: number; max: number; kinds?: PenaltyKind[]; circumstances: string }
export interface DemoItem { dept: string; code: string; violation: string; legal: string; penalty: string; party: PartyType; perYear: number; tiers: DemoTier[] }

export const demoDepartments: Record<string, { username: string; short: string }> = {
  D22: { username: 'scjg', short: '市监罚' }, D17: { username: 'jtys', short: '交执罚' }, D15: { username: 'zrzy', short: '自然资罚' }, D16: { username: 'zjcg', short: '住建罚' },
};

export const demoItems: DemoItem[] = [
  { dept: 'D22', code: 'SC-001', violation: '经营超过保质期的食品', legal: '《食品安全法》第三十四条第十项', penalty: '《食品安全法》第一百二十四条第一款', party: 'organisation', perYear: 18, tiers: [
    { tier: 'mitigated', basis: 'amount', min: 10000, max: 50000, kinds: ['confiscation'], circumstances: '符合《行政处罚法》第三十二条情形' },
    { tier: 'lenient', basis: 'amount', min: 50000, max: 65000, kinds: ['confiscation'], circumstances: '货值较小、主动下架召回' },
    { tier: 'ordinary', basis: 'amount', min: 65000, max: 85000, kinds: ['confiscation'], circumstances: '一般情形' },
    { tier: 'aggravated', basis: 'amount', min: 85000, max: 100000, kinds: ['confiscation'], circumstances: '涉及婴幼儿食品或拒不改正' } ] },
  { dept: 'D22', code: 'SC-002', violation: '经营者不按规定明码标价', legal: '《价格法》第十三条', penalty: '《价格法》第四十二条', party: 'individual', perYear: 22, tiers: [
    { tier: 'none', basis: 'amount', min: 0, max: 0, circumstances: '首次违法、危害后果轻微并及时改正' },
    { tier: 'lenient', basis: 'amount', min: 200, max: 1000, kinds: ['warning'], circumstances: '及时改正' },
    { tier: 'ordinary', basis: 'amount', min: 1000, max: 3000, circumstances: '一般情形' },
    { tier: 'aggravated', basis: 'amount', min: 3000, max: 5000, circumstances: '经责令改正拒不改正' } ] },
  { dept: 'D22', code: 'SC-003', violation: '价格欺诈', legal: '《价格法》第十四条第四项', penalty: '《价格法》第四十条', party: 'organisation', perYear: 10, tiers: [
    { tier: 'mitigated', basis: 'multiple', min: 0.5, max: 2, kinds: ['confiscation'], circumstances: '符合《行政处罚法》第三十二条情形' },
    { tier: 'lenient', basis: 'multiple', min: 2, max: 3, kinds: ['confiscation'], circumstances: '主动退还多收价款' },
    { tier: 'ordinary', basis: 'multiple', min: 3, max: 4, kinds: ['confiscation'], circumstances: '一般情形' },
    { tier: 'aggravated', basis: 'multiple', min: 4, max: 5, kinds: ['confiscation'], circumstances: '针对老年人等群体或造成恶劣影响' } ] },
  { dept: 'D17', code: 'JT-001', violation: '未取得道路运输经营许可擅自从事道路客运经营', legal: '《道路运输条例》第十条', penalty: '《道路运输条例》第六十三条', party: 'individual', perYear: 16, tiers: [
    { tier: 'lenient', basis: 'amount', min: 10000, max: 30000, kinds: ['confiscation'], circumstances: '初次被查处、营运时间短' },
    { tier: 'ordinary', basis: 'amount', min: 30000, max: 60000, kinds: ['confiscation'], circumstances: '一般情形' },
    { tier: 'aggravated', basis: 'amount', min: 60000, max: 100000, kinds: ['confiscation'], circumstances: '多次被查处或发生安全事故' } ] },
  { dept: 'D17', code: 'JT-002', violation: '车辆违法超限运输', legal: '《公路安全保护条例》第三十三条', penalty: '《公路安全保护条例》第六十四条', party: 'individual', perYear: 26, tiers: [
    { tier: 'lenient', basis: 'amount', min: 200, max: 1000, circumstances: '超限率较低并主动卸载' },
    { tier: 'ordinary', basis: 'amount', min: 1000, max: 10000, circumstances: '一般情形' },
    { tier: 'aggravated', basis: 'amount', min: 10000, max: 30000, circumstances: '超限率高或一年内多次违法' } ] },
  { dept: 'D15', code: 'ZR-001', violation: '非法占用土地', legal: '《土地管理法》第四十四条', penalty: '《土地管理法》第七十七条、《土地管理法实施条例》第五十七条', party: 'organisation', perYear: 8, tiers: [
    { tier: 'lenient', basis: 'amount', min: 10000, max: 50000, circumstances: '占地面积小、主动退还' },
    { tier: 'ordinary', basis: 'amount', min: 50000, max: 200000, circumstances: '一般情形' },
    { tier: 'aggravated', basis: 'amount', min: 200000, max: 500000, circumstances: '占用永久基本农田' } ] },
  { dept: 'D16', code: 'CG-001', violation: '擅自占用城市道路', legal: '《城市道路管理条例》第二十七条', penalty: '《城市道路管理条例》第四十二条', party: 'individual', perYear: 20, tiers: [
    { tier: 'none', basis: 'amount', min: 0, max: 0, circumstances: '首次违法、占道时间短并及时改正' },
    { tier: 'lenient', basis: 'amount', min: 200, max: 2000, circumstances: '及时改正' },
    { tier: 'ordinary', basis: 'amount', min: 2000, max: 10000, circumstances: '一般情形' },
    { tier: 'aggravated', basis: 'amount', min: 10000, max: 20000, circumstances: '影响交通安全或拒不改正' } ] },
  { dept: 'D16', code: 'CG-002', violation: '施工工地未采取扬尘污染防治措施', legal: '《大气污染防治法》第六十九条', penalty: '《大气污染防治法》第一百一十五条', party: 'organisation', perYear: 14, tiers: [
    { tier: 'lenient', basis: 'amount', min: 10000, max: 30000, circumstances: '及时整改' },
    { tier: 'ordinary', basis: 'amount', min: 30000, max: 70000, circumstances: '一般情形' },
    { tier: 'aggravated', basis: 'amount', min: 70000, max: 100000, kinds: ['suspension'], circumstances: '拒不整改，责令停工整治' } ] },
];

export const lenientReasons = ['当事人主动消除违法行为危害后果', '当事人积极配合调查，如实陈述违法事实', '违法行为持续时间短，社会危害较小'];
export const aggravatedReasons = ['一年内因同一违法行为再次被查处', '经责令改正拒不改正', '违法行为造成较大社会影响'];
export const closureReasons = ['违法事实不能成立，撤销立案', '违法行为轻微并及时改正，没有造成危害后果，依法不予行政处罚', '超过行政处罚追责时效'];
export const organisations = ['宜良县汇鑫超市', '云南九乡旅游服务有限公司', '宜良县金马食品店', '宜良恒泰建筑工程有限公司', '宜良县北古城农贸经营部', '云南宏达建材有限公司', '宜良县盛源餐饮店', '云南瑞祥物流有限公司'];
export const surnames = '张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗';
export const given = '建国明华丽芳伟强军平杰娟涛敏静磊洋艳勇军燕超';
export const officers = ['李明', '王建华', '张丽', '赵伟', '刘强', '陈芳', '杨杰', '周敏', '何涛', '马磊'];
