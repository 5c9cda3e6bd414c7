import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers';
import { verifyAuditChain } from '../../platform/audit/verify';
import { todayInShanghai } from '../../platform/calendar';
import type { AppContext } from '../../platform/context';
import { intakeService } from './intakeService';
import { receiptHash } from './receipts';
import type { PublicReportInput } from './schema';

describe('one-statement public intake', () => {
  let ctx: AppContext;
  let close: () => Promise<void>;
  beforeAll(async () => { ({ ctx, close } = await createTestContext()); });
  afterAll(async () => { await close?.(); });

  it('writes report, first event and an audit entry naming the serial, and the audit chain still verifies', async () => {
    const receipts = await Promise.all(Array.from({ length: 5 }, (_, i) => intakeService.submitPublic(ctx, {
      kind: 'accusation', title: `一次写入测试${i}`, content: '反映村务不公开', anonymous: i % 2 === 0,
      ...(i % 2 ? { reporter: { name: '张某某', phone: '13800000000' } } : {}),
    } as PublicReportInput, [], '127.0.0.1')));
    for (const { receipt } of receipts) {
      const r = await ctx.db.selectFrom('reports').select(['id', 'serial', 'identified', 'received_on', 'unit_id']).where('receipt_hash', '=', receiptHash(receipt)).executeTakeFirstOrThrow();
      expect(r.serial).toMatch(/^530125-\d{4}-\d{6,}$/);
      expect(r.received_on).toBe(todayInShanghai());
      const events = await ctx.db.selectFrom('report_events').select(['type', 'to_unit_id']).where('report_id', '=', r.id).execute();
      expect(events).toEqual([{ type: 'received', to_unit_id: r.unit_id }]);
      const audit = await ctx.db.selectFrom('audit_log').select(['action', 'actor_name', 'client_ip', 'detail']).where('object_id', '=', r.id).execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'reports.public.submit', actor_name: 'public', client_ip: '127.0.0.1', detail: { serial: r.serial, kind: 'accusation', identified: r.identified } });
    }
    const serials = await ctx.db.selectFrom('reports').select('serial').execute();
    expect(new Set(serials.map((s) => s.serial)).size).toBe(serials.length);
    await ctx.audit.linkPending();
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  });
});
