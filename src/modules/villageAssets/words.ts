import type { Words } from '../analysis/dimensions';
import type { AreaUnit, AwardMethod, Direction, FundCategory, ObjectType, PaymentMethod } from './db';

/**
 * The ledger's words: codes as stored, names as the township 三资 agency office writes them in its books and in
 * the Excel template (the template's drop-down lists are the zh words).
 */
export const directionWords: Record<Direction, Words> = { income: ['收入', 'Income'], expense: ['支出', 'Expense'] };
export const paymentMethodWords: Record<PaymentMethod, Words> = { cash: ['现金', 'Cash'], transfer: ['转账', 'Bank transfer'] };
export const fundCategoryWords: Record<FundCategory, Words> = {
  works: ['工程', 'Works'], office: ['办公', 'Office'], subsidy: ['补助发放', 'Subsidies paid'], reception: ['招待', 'Hospitality'],
  labour: ['劳务', 'Labour'], other: ['其他', 'Other'],
};
export const objectTypeWords: Record<ObjectType, Words> = {
  land: ['土地', 'Land'], pond: ['鱼塘', 'Pond'], forest: ['林地', 'Forest'], building: ['房屋', 'Building'], shop: ['铺面', 'Shop'],
};
export const areaUnitWords: Record<AreaUnit, Words> = { mu: ['亩', 'mu'], sqm: ['平方米', 'm²'] };
export const awardMethodWords: Record<AwardMethod, Words> = { bidding: ['公开竞价', 'Open bidding'], negotiation: ['协商', 'Negotiation'] };
/** 四议两公开: the resolution is taken by the 党员大会 (审议) and the 村民会议 or 村民代表会议 (决议); the office records which. */
export const decisionMeetings = ['村民会议', '村民代表会议', '党员大会', '村两委会议'] as const;

/** zh word → code, for reading the Excel template. */
export const codeOf = <K extends string>(words: Record<K, Words>): Record<string, K> =>
  Object.fromEntries(Object.entries(words).map(([k, w]) => [(w as Words)[0], k])) as Record<string, K>;
