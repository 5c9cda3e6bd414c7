import { z } from 'zod';
import { isoDate } from '../../platform/http/fields';
import { validateCitizenId } from '../../platform/identifiers/citizenId';

/**
 * The org module's input schemas: the API validates with them, OpenAPI is generated from them and the
 * web forms reuse them. Strict objects, so unknown fields are refused and named.
 */
export const ranks = ['provincial', 'bureau', 'county', 'township', 'general', 'other'] as const;
export const managedByValues = ['province', 'city', 'county', 'township', 'department', 'village'] as const;
export const unitKinds = ['county', 'subdistrict', 'town', 'township', 'townshipOther', 'community', 'village', 'cdi', 'department', 'stationedTeam', 'enterprise', 'other'] as const;
/** Kinds an office adds by hand; divisions come from official data. */
export const editableUnitKinds = ['department', 'stationedTeam', 'cdi', 'enterprise', 'other'] as const;

export const uuid = z.uuid();
export const idParams = z.strictObject({ id: uuid });

export const citizenIdField = z.string().trim().toUpperCase().superRefine((value, ctx) => {
  const result = validateCitizenId(value);
  if (!result.ok) ctx.addIssue({ code: 'custom', params: { key: 'field.citizenId', reason: `reason.${result.reason}` } });
});

const officialFields = {
  name: z.string().trim().min(1).max(50),
  gender: z.enum(['male', 'female']),
  birthDate: isoDate.nullish(),
  citizenId: citizenIdField.nullish(),
  partyMember: z.boolean().default(false),
  unitId: uuid,
  post: z.string().trim().max(100).nullish(),
  rank: z.enum(ranks),
  managedBy: z.enum(managedByValues),
  phone: z.string().trim().regex(/^[0-9+\-() ]{5,20}$/).nullish(),
};

export const officialCreate = z.strictObject(officialFields);
export const officialUpdate = z.strictObject({ ...officialFields, partyMember: z.boolean() }).partial();
export type OfficialCreate = z.infer<typeof officialCreate>;
export type OfficialUpdate = z.infer<typeof officialUpdate>;

const pageFields = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

const boolString = z.enum(['true', 'false']).transform((v) => v === 'true');

export const officialFilter = z.strictObject({
  q: z.string().trim().max(50).optional(),
  unitId: uuid.optional(),
  includeSubunits: boolString.default(true),
  rank: z.enum(ranks).optional(),
  ...pageFields,
});
export type OfficialFilter = z.infer<typeof officialFilter>;

export const unitFilter = z.strictObject({
  parentCode: z.string().regex(/^[0-9A-Za-z_-]{1,20}$/).optional(),
  kind: z.enum(unitKinds).optional(),
  q: z.string().trim().max(50).optional(),
});

export const unitCreate = z.strictObject({
  code: z.string().trim().regex(/^[0-9A-Za-z_-]{2,20}$/),
  name: z.string().trim().min(1).max(100),
  shortName: z.string().trim().max(30).nullish(),
  kind: z.enum(editableUnitKinds),
  parentCode: z.string().trim().regex(/^[0-9A-Za-z_-]{1,20}$/),
});

export const unitUpdate = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  shortName: z.string().trim().max(30).nullish(),
  active: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(100000).optional(),
});

export const companyInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  creditCode: z.string().trim().toUpperCase().regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, { params: { key: 'field.creditCodeFormat' } } as never),
  unitId: uuid,
  legalRepresentative: z.string().trim().max(50).nullish(),
  address: z.string().trim().max(200).nullish(),
  /** The user confirms a code that fails the GB 32100 checksum (some early pilot codes do). */
  overrideCheck: z.boolean().default(false),
});
export const companyUpdate = companyInput.partial();
export const companyFilter = z.strictObject({ q: z.string().trim().max(50).optional(), unitId: uuid.optional(), ...pageFields });

export const dataScopes = ['all', 'custom', 'unit', 'unitAndBelow', 'self'] as const;

export const userCreate = z.strictObject({
  username: z.string().trim().regex(/^[A-Za-z0-9_.-]{2,64}$/),
  displayName: z.string().trim().min(1).max(50),
  unitId: uuid,
  roleIds: z.array(uuid).max(20).default([]),
  password: z.string().min(1).max(128),
});
export const userUpdate = z.strictObject({
  displayName: z.string().trim().min(1).max(50).optional(),
  unitId: uuid.optional(),
  roleIds: z.array(uuid).max(20).optional(),
  active: z.boolean().optional(),
});
export const userFilter = z.strictObject({ q: z.string().trim().max(50).optional(), ...pageFields });
export const passwordReset = z.strictObject({ password: z.string().min(1).max(128) });

const roleFields = {
  name: z.string().trim().min(1).max(50),
  permissions: z.array(z.string().max(64)).max(200),
  dataScope: z.enum(dataScopes),
  customUnitIds: z.array(uuid).max(500),
  requireTotp: z.boolean(),
};
export const roleInput = z.strictObject({
  code: z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_.-]{1,40}$/),
  ...roleFields,
  customUnitIds: roleFields.customUnitIds.default([]),
  requireTotp: roleFields.requireTotp.default(false),
});
/** No defaults here: a PATCH that omits requireTotp must not switch the requirement off. */
export const roleUpdate = z.strictObject(roleFields).partial();
