import type { Words } from '../analysis/dimensions';
import type { SpendingCategory } from './db';

/** 支出类别 in words (zh, en): the screening's titles, the metric breakdowns and the template's choices. */
export const categoryWords: Readonly<Record<SpendingCategory, Words>> = {
  reception: ['公务接待', 'Official reception'],
  meeting: ['会议费', 'Meetings'],
  travel: ['差旅费', 'Travel'],
  vehicle: ['公务用车运行', 'Official cars'],
  training: ['培训费', 'Training'],
  allowance: ['津贴补贴', 'Allowances'],
};

/** ¥3,680 or ¥3,680.50: the amount as the hits list and clue titles show it. */
export function yuan(n: number): string {
  return `¥${n.toLocaleString('en-US', { minimumFractionDigits: Number.isInteger(n) ? 0 : 2, maximumFractionDigits: 2 })}`;
}
