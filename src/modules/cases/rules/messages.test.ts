import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { registerMessages, translate } from '../../../platform/i18n/messages';
import { casesRulesMessages } from './messages';
import { checkSanction } from './sanctionChecks';
import { toAppError } from './violations';

const dir = dirname(fileURLToPath(import.meta.url));

describe('messages', () => {
  it('every rule code used in the library has a zh and an en text', () => {
    const used = new Set<string>();
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts') && n !== 'messages.ts')) {
      for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/'(cases\.[a-zA-Z]+\.[a-zA-Z]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(40);
    for (const code of used) {
      expect(casesRulesMessages.zh[code], code).toBeTruthy();
      expect(casesRulesMessages.en[code], code).toBeTruthy();
    }
  });

  it('zh and en have the same keys, and every violation message names its basis', () => {
    expect(Object.keys(casesRulesMessages.en).sort()).toEqual(Object.keys(casesRulesMessages.zh).sort());
    for (const [k, v] of Object.entries(casesRulesMessages.zh)) {
      if (/^cases\.(deadline|sanction|exemption|stage)\./.test(k) && v.includes('{')) expect(v, k).toContain('{source}');
    }
  });

  it('has labels for sanctions, stages, forms and deadline rules', () => {
    expect(casesRulesMessages.zh['cases.partySanction.probation']).toBe('留党察看');
    expect(casesRulesMessages.en['cases.adminSanction.dismissalFromPost']).toBe('Dismissal from post');
    expect(casesRulesMessages.zh['cases.form.3']).toBe('第三种形态');
    expect(casesRulesMessages.zh['cases.deadlineRule.inquiryReply']).toBe('函询回复');
  });

  it('renders through the platform i18n as a VALIDATION_FAILED refusal naming the article', () => {
    registerMessages(casesRulesMessages);
    const vs = checkSanction({
      sanction: { track: 'admin', kind: 'dismissalFromPost' },
      subject: { category: 'villageCommitteeManager', partyMember: false, holdsPartyPost: false },
      decidedOn: '2026-03-01',
    });
    const err = toAppError(vs, 'body.sanction');
    expect(err.code).toBe('VALIDATION_FAILED');
    const [issue] = err.issues;
    expect(translate('zh-CN', issue.key, issue.params)).toBe('基层群众性自治组织中从事管理的人员只能给予警告、记过或者记大过，不能给予撤职（依据：公职人员政务处分法 第二十二条）');
    expect(translate('en', issue.key, issue.params)).toContain('not Dismissal from post (basis: 公职人员政务处分法 第二十二条)');
  });
});
