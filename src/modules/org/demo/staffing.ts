import type { ManagedBy, Rank } from '../../../platform/db/schema';

/** Records one demo official: the unit, the post, rank and management authority, and an age range. */
export type Hire<U> = (unit: U, post: string, rank: Rank, managedBy: ManagedBy, ageFrom?: number, ageTo?: number) => void;

export interface StaffedUnits<U> { cdi: U; departments: Iterable<U>; townships: Iterable<U>; villages: Iterable<U> }

type Named = { name: string; kind?: string | null };

/**
 * Who works where in a demo county: the CDI's leaders (and, with `cdiStaff`, its office heads), each
 * department's heads and staff, each township's party secretary, head, discipline secretary and staff, and
 * each village's party secretary, committee director and (every other village) supervision director. The
 * demo county and the province generator staff their counties from this one plan.
 */
export function staffCounty<U extends Named>(units: StaffedUnits<U>, rand: () => number, hire: Hire<U>, opts: { cdiStaff?: boolean } = {}): void {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  hire(units.cdi, '县委常委、县纪委书记、县监委主任', 'county', 'city', 40, 55);
  hire(units.cdi, '县纪委副书记、县监委副主任', 'township', 'county', 35, 55);
  if (opts.cdiStaff) {
    for (let i = 0; i < 6; i++) hire(units.cdi, pick(['信访室主任', '审查调查室主任', '案件审理室主任', '党风政风监督室主任', '干部', '干部']), i < 3 ? 'township' : 'general', 'county');
  }
  for (const d of units.departments) {
    hire(d, `${d.name.replace(/^县/, '')}主要负责人`, 'township', 'county', 38, 56);
    hire(d, '副职', 'township', 'county');
    for (let i = 0; i < 4; i++) hire(d, pick(['科员', '股长', '办公室主任', '四级主任科员']), 'general', 'department', 24, 58);
  }
  for (const t of units.townships) {
    hire(t, '党委书记', 'township', 'county', 38, 55);
    hire(t, t.kind === 'subdistrict' ? '办事处主任' : t.kind === 'township' ? '乡长' : '镇长', 'township', 'county', 35, 52);
    hire(t, '党委委员、纪委书记', 'township', 'county', 32, 52);
    for (let i = 0; i < 3; i++) hire(t, pick(['党委副书记', '副镇长', '人大主席', '组织委员']), 'township', 'county');
    for (let i = 0; i < 6; i++) hire(t, pick(['财政所所长', '国土所干部', '农业服务中心主任', '民政办干部', '综治办干部', '干部']), 'general', 'township', 24, 58);
  }
  for (const v of units.villages) {
    hire(v, v.kind === 'community' ? '社区党总支书记' : '村党总支书记', 'other', 'township', 35, 62);
    hire(v, v.kind === 'community' ? '社区居委会主任' : '村委会主任', 'other', 'township', 30, 62);
    if (rand() < 0.5) hire(v, v.kind === 'community' ? '社区监督委员会主任' : '村务监督委员会主任', 'other', 'township', 30, 65);
  }
}

/** A birth date for someone aged between `ageFrom` and `ageTo` in 2026 (day 1–28, so every month has it). */
export function randomBirth(rand: () => number, ageFrom: number, ageTo: number): string {
  const year = 2026 - ageFrom - Math.floor(rand() * (ageTo - ageFrom));
  return `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
}
