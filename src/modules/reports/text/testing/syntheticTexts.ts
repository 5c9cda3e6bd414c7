import { random } from '../linearSvm';

/**
 * Small synthetic complaint texts for the tests, written for them (never taken from real data): each
 * category has its own vocabulary of matters, places and verbs, combined at random into short messages.
 */
const categories: Record<string, { subjects: string[]; problems: string[] }> = {
  教育: { subjects: ['学校', '老师', '学生', '幼儿园', '校长', '课外辅导班'], problems: ['乱收学费', '体罚学生', '强制补课', '食堂卫生差', '校车超载', '招生不公平'] },
  环保: { subjects: ['化工厂', '养殖场', '砖厂', '搅拌站', '造纸厂', '垃圾站'], problems: ['夜间偷排污水', '粉尘污染严重', '噪音扰民', '河水发黑发臭', '焚烧垃圾', '废气刺鼻'] },
  交通: { subjects: ['公交车', '出租车', '货车', '客运站', '高速路口', '红绿灯'], problems: ['拒载乘客', '超速行驶', '站点设置不合理', '线路停运', '乱收停车费', '长期故障'] },
};

const places = ['北古城镇', '狗街镇', '竹山镇', '马街镇', '耿家营乡', '九乡乡', '汤池街道', '匡远街道'];
const openers = ['我要反映', '请领导关注', '群众强烈反映', '希望有关部门处理', '多次投诉无果'];

export const syntheticLabels = Object.keys(categories);

export interface SyntheticText { id: string; title: string; body: string; label: string }

export function syntheticTexts(perLabel: number, seed = 7): SyntheticText[] {
  const rand = random(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const out: SyntheticText[] = [];
  for (const [label, c] of Object.entries(categories)) {
    for (let i = 0; i < perLabel; i++) {
      const subject = pick(c.subjects);
      const problem = pick(c.problems);
      const place = pick(places);
      out.push({
        id: `${label}-${i}`,
        title: `${place}${subject}${problem}`,
        body: `${pick(openers)}，${place}的${subject}${problem}，${pick(c.problems)}，已经持续${1 + Math.floor(rand() * 9)}个月，请尽快调查处理。`,
        label,
      });
    }
  }
  return out;
}

/** Quote a CSV field when it needs it. */
export function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
