import os from 'node:os';
import type { AuditActor } from '../platform/audit/auditLog';
import { verifyAuditChain, type VerifyResult } from '../platform/audit/verify';
import { loadConfig } from '../platform/config';
import { closeContext, createContext } from '../platform/context';

const usage = `Usage: lianjian audit verify

  Links entries that are not chained yet, then walks the whole audit hash chain.
  Exit 0 when it is intact, 1 when an entry was altered or removed.
`;

/** Who ran a command on the server: there is no signed-in user, so the operating-system account stands in. */
export function cliActor(): AuditActor {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // Containers without a passwd entry for the uid: keep 'unknown' rather than failing the command.
  }
  return { username: `cli:${user}`, clientIp: null };
}

const reasons: Record<NonNullable<VerifyResult['firstBroken']>['reason'], { word: string; text: string }> = {
  hash: { word: 'altered', text: '条目内容被篡改 the entry was changed after it was recorded (its hash no longer matches)' },
  link: { word: 'altered', text: '链接被篡改 the entry\'s link to the previous entry was changed' },
  missing: { word: 'missing', text: '条目被删除 an entry was removed (gap in the chain)' },
  head: { word: 'head', text: '最新条目被删除 the newest entries were removed (the chain ends before its recorded head)' },
};

export function describeBroken(r: VerifyResult): string {
  const b = r.firstBroken!;
  const reason = reasons[b.reason];
  return `审计链已被破坏 Audit chain BROKEN at chain seq ${b.chainSeq}, entry id ${b.id ?? '-'}: ${reason.word} (${b.reason}) — ${reason.text}\n` +
    `  ${r.checked} entries before it verified.\n`;
}

export async function auditCommand(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0] !== 'verify') {
    process.stderr.write(usage);
    return 2;
  }
  const ctx = await createContext(loadConfig());
  try {
    const linked = await ctx.audit.linkPending();
    if (linked > 0) process.stdout.write(`  linked ${linked} pending entries\n`);
    const result = await verifyAuditChain(ctx.db);
    if (result.ok) {
      process.stdout.write(`审计链完整 Audit chain intact: ${result.checked} entries\n`);
      return 0;
    }
    process.stdout.write(describeBroken(result));
    return 1;
  } finally {
    await closeContext(ctx);
  }
}
