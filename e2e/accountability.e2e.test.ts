import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoAccountability } from '../src/modules/accountability/demo';
import { createDemoCampaigns } from '../src/modules/campaigns/demo';
import { firstOptionText, pick, screenshot, signInPage, startE2E, type E2E } from './harness';

/**
 * 问责 in the browser: a case handler records a decision against a township leader. A form kept from the
 * organisation list (改组) is refused on 问责方式 with the reason; with 诫勉 the decision is recorded and listed, its
 * basis a campaign finding picked by campaign and problem.
 */
let e: E2E;
let officialName = '';
const docNo = `宜纪发〔${new Date().getFullYear()}〕99号`;

beforeAll(async () => {
  e = await startE2E();
  await createDemoCampaigns(e.ctx.db, '530125');
  await createDemoAccountability(e.ctx.db, '530125');
  const o = await e.ctx.db.selectFrom('officials as o').innerJoin('units as u', 'u.id', 'o.unit_id').select('o.name')
    .where('u.code', '=', '530125103').where('o.post', '=', '党委委员、纪委书记').executeTakeFirstOrThrow();
  officialName = o.name;
});
afterAll(async () => { await e?.close(); });

describe('accountability decisions', () => {
  it('refuses an organisation-only form for a person on the form field, then records the decision', async () => {
    const page = await signInPage(e, 'cases');
    await page.getByTestId('menu-accountability').click();
    await page.getByTestId('decisions-table').locator('tbody tr[data-row-key]').first().waitFor();
    const before = (await e.ctx.db.selectFrom('accountability_decisions').select('id').execute()).length;

    await page.getByTestId('decision-add').click();
    const drawer = page.getByTestId('decision-drawer');
    // Chosen for a party organisation first, then the target switched to a person: the form stays as chosen.
    await drawer.getByText('党组织（单位）', { exact: true }).click();
    await pick(page, page.getByTestId('decision-form'), /^改组$/);
    await drawer.getByText('领导干部（个人）', { exact: true }).click();
    await pick(page, page.getByTestId('decision-official'), officialName, true);
    await page.getByTestId('decision-leader').check();
    await page.getByTestId('decision-reason').fill('对分管领域项目推进不力问题失察，严重影响项目进展');
    await page.getByTestId('decision-docno').fill(docNo);
    await pick(page, page.getByTestId('decision-basis-kind'), '专项治理发现问题');
    await pick(page, page.getByTestId('basis-campaign'), await firstOptionText(page, page.getByTestId('basis-campaign')));
    const findingLabel = await firstOptionText(page, page.getByTestId('basis-finding'));
    await pick(page, page.getByTestId('basis-finding'), findingLabel);
    // Everything chosen so far is still chosen (a picker appearing must not reset the form).
    expect(await page.getByTestId('decision-form').innerText()).toContain('改组');
    await page.getByTestId('decision-save').click();
    const error = drawer.locator('.ant-form-item-explain-error').filter({ hasText: '问责方式' });
    await error.waitFor();
    expect(await error.innerText()).toContain('“改组”只适用于党组织');
    expect((await e.ctx.db.selectFrom('accountability_decisions').select('id').execute()).length).toBe(before);
    await screenshot(page, 'accountability-refused');

    await pick(page, page.getByTestId('decision-form'), /^诫勉$/);
    await page.getByTestId('decision-save').click();
    await drawer.waitFor({ state: 'hidden' });
    const row = page.getByTestId('decisions-table').locator('tr').filter({ hasText: docNo });
    await row.waitFor();
    expect(await row.innerText()).toContain(officialName);
    expect(await row.getByTestId('decision-form-tag').innerText()).toBe('诫勉');
    const saved = await e.ctx.db.selectFrom('accountability_decisions').select(['form', 'target_type', 'leader_responsibility']).where('doc_no', '=', docNo).executeTakeFirstOrThrow();
    expect(saved).toEqual({ form: 'admonition', target_type: 'person', leader_responsibility: true });
    const basis = await e.ctx.db.selectFrom('accountability_decisions as d').innerJoin('campaign_findings as f', 'f.id', 'd.basis_finding_id')
      .select('f.description').where('d.doc_no', '=', docNo).executeTakeFirstOrThrow();
    expect(findingLabel).toContain(basis.description);

    await row.getByTestId('decision-view').click();
    await expect.poll(() => page.getByTestId('decision-detail').innerText()).toContain('领导责任');
    await screenshot(page, 'accountability-detail');
    await page.close();
  });
});
