import type { Classification, Item, Money, OrgRef, Period } from './model';

/**
 * Typed access to untyped JSON for the normaliser: every accessor returns the value or null (or []) and
 * records an issue with the JSON path when the type is wrong or a number is absurd.
 */
export interface FieldIssue {
  path: string;
  message: 'wrong type' | 'absurd number';
  value: unknown;
}

/** Above this an amount is treated as a unit or typing error (10^15 yuan ≈ 8× China's GDP). */
export const ABSURD_AMOUNT = 1e15;

export type Obj = Record<string, unknown>;

export class Reader {
  readonly issues: FieldIssue[] = [];

  obj(v: unknown, path: string): Obj | null {
    if (v === undefined || v === null) return null;
    if (typeof v === 'object' && !Array.isArray(v)) return v as Obj;
    this.issues.push({ path, message: 'wrong type', value: v });
    return null;
  }

  arr(v: unknown, path: string): unknown[] {
    if (v === undefined || v === null) return [];
    if (Array.isArray(v)) return v;
    this.issues.push({ path, message: 'wrong type', value: v });
    return [];
  }

  /** A text or code field: strings only. */
  text(v: unknown, path: string): string | null {
    if (v === undefined || v === null) return null;
    if (typeof v === 'string') return v;
    this.issues.push({ path, message: 'wrong type', value: v });
    return null;
  }

  /** An identifier: strings kept, finite numbers stringified. */
  id(v: unknown, path: string): string | null {
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    return this.text(v, path);
  }

  num(v: unknown, path: string, min = -Infinity, max = Infinity): number | null {
    if (v === undefined || v === null) return null;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.issues.push({ path, message: 'wrong type', value: v });
      return null;
    }
    if (v < min || v > max) {
      this.issues.push({ path, message: 'absurd number', value: v });
      return null;
    }
    return v;
  }

  money(v: unknown, path: string): Money | null {
    const o = this.obj(v, path);
    if (!o) return null;
    return {
      amount: this.num(o.amount, `${path}/amount`, -ABSURD_AMOUNT, ABSURD_AMOUNT),
      currency: this.text(o.currency, `${path}/currency`),
    };
  }

  org(v: unknown, path: string): OrgRef | null {
    const o = this.obj(v, path);
    if (!o) return null;
    return { id: this.id(o.id, `${path}/id`), name: this.text(o.name, `${path}/name`) };
  }

  /** tenderers/suppliers: an array of references, or one object that some publishers emit. */
  orgs(v: unknown, path: string): OrgRef[] {
    if (v && typeof v === 'object' && !Array.isArray(v)) return [this.org(v, path)!];
    return this.arr(v, path).map((x, i) => this.org(x, `${path}/${i}`) ?? { id: null, name: null });
  }

  period(v: unknown, path: string): Period | null {
    const o = this.obj(v, path);
    if (!o) return null;
    return { startDate: this.text(o.startDate, `${path}/startDate`), endDate: this.text(o.endDate, `${path}/endDate`) };
  }

  strings(v: unknown, path: string): string[] {
    const out: string[] = [];
    for (const [i, x] of this.arr(v, path).entries()) {
      const s = this.id(x, `${path}/${i}`);
      if (s !== null) out.push(s);
    }
    return out;
  }

  item(v: unknown, path: string): Item {
    const o = this.obj(v, path) ?? {};
    const c = this.obj(o.classification, `${path}/classification`);
    const classification: Classification | null = c
      ? { scheme: this.text(c.scheme, `${path}/classification/scheme`), id: this.id(c.id, `${path}/classification/id`) }
      : null;
    const unit = this.obj(o.unit, `${path}/unit`);
    return {
      id: this.id(o.id, `${path}/id`),
      description: this.text(o.description, `${path}/description`),
      classification,
      quantity: this.num(o.quantity, `${path}/quantity`, -ABSURD_AMOUNT, ABSURD_AMOUNT),
      unitValue: unit ? this.money(unit.value, `${path}/unit/value`) : null,
      relatedLot: this.id(o.relatedLot, `${path}/relatedLot`),
    };
  }

  items(v: unknown, path: string): Item[] {
    return this.arr(v, path).map((x, i) => this.item(x, `${path}/${i}`));
  }
}

