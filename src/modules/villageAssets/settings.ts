import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../platform/db/schema';
import type { Actor } from '../../platform/scope/actor';
import { auditActor } from '../org/unitService';

/**
 * The county's thresholds of the anomaly rules, kept in `settings` per county. Defaults and their basis below: the
 * cash limit follows the 1,000 yuan settlement floor of 《现金管理暂行条例》; the other amounts are common county
 * practice of 村级财务管理 and 三资 rules, not national articles, and are marked 待核 until the county confirms them.
 */
export interface VillageThresholds {
  /** 现金支付限额: a cash payment above it. */
  cashLimit: number;
  /** 单笔支出审批限额: payments to one counterparty each under it, together at or over it, within the window. */
  approvalThreshold: number;
  splitWindowDays: number;
  /** 重大事项金额: an expense (or a contract's total) at or over it needs a 四议两公开 decision; 工程 from the approval threshold. */
  majorAmount: number;
  /** Peers (same township, object type and area unit) needed before a rent is judged against them. */
  rentMinPeers: number;
  /** Longest contract term in years. */
  contractTermYears: number;
  /** 协商 award allowed below this contract total; at or over it, open bidding is expected. */
  negotiationLimit: number;
  /** A disposal sold below this share of its appraised value. */
  disposalRatio: number;
  /** One counterparty's share of a village's year of expenses, and the least amount that counts. */
  concentrationShare: number;
  concentrationMinAmount: number;
}

export const defaultThresholds: VillageThresholds = {
  cashLimit: 1000, approvalThreshold: 5000, splitWindowDays: 30, majorAmount: 50_000, rentMinPeers: 5, contractTermYears: 20,
  negotiationLimit: 50_000, disposalRatio: 0.9, concentrationShare: 0.5, concentrationMinAmount: 20_000,
};

export const thresholdBasis: Record<keyof VillageThresholds, string> = {
  cashLimit: '《现金管理暂行条例》第五条（现金结算起点 1000 元）；本县村级财务管理规定另有规定的从其规定（待核）',
  approvalThreshold: '本县村级财务审批权限规定中的单笔支出审批限额（地方惯例，待核）',
  splitWindowDays: '拆分支付的观察期（地方惯例，待核）',
  majorAmount: '“四议两公开”工作法：村级重大事项须经决策程序；金额标准为本县惯例（待核）',
  rentMinPeers: '统计口径：同乡镇同类合同不少于该数量时才作比较',
  contractTermYears: '《民法典》第七百零五条：租赁期限不得超过二十年',
  negotiationLimit: '本县农村集体资产资源发包须公开竞价的金额标准（地方惯例，待核）',
  disposalRatio: '本县农村集体资产处置规定：成交价低于评估价 90% 须重新决策（地方惯例，待核）',
  concentrationShare: '经验规则：全年支出（补助发放除外）的一半以上付给同一对象（待核）',
  concentrationMinAmount: '经验规则：集中支付的最低金额（待核）',
};

const key = (countyCode: string) => `villageAssets.thresholds.${countyCode}`;

export async function loadThresholds(db: Kysely<DB>, countyCode: string): Promise<VillageThresholds> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key(countyCode)).executeTakeFirst();
  const stored = (row?.value ?? {}) as Partial<Record<keyof VillageThresholds, unknown>>;
  const out = { ...defaultThresholds };
  for (const k of Object.keys(defaultThresholds) as Array<keyof VillageThresholds>) if (typeof stored[k] === 'number') out[k] = stored[k] as number;
  return out;
}

export async function saveThresholds(ctx: AppContext, actor: Actor, t: VillageThresholds): Promise<VillageThresholds> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await loadThresholds(trx, actor.countyCode);
    const value = JSON.stringify(t);
    await trx.insertInto('settings').values({ key: key(actor.countyCode), value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: new Date() })).execute();
    await ctx.audit.record(trx, auditActor(actor), { action: 'villageAssets.thresholds.update', objectType: 'villageThresholds', objectId: actor.countyCode, detail: { before, after: t } });
  });
  return loadThresholds(ctx.db, actor.countyCode);
}
