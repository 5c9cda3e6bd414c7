import { defineRoute, type RouteDef } from '../../platform/http/route';
import { caseTypeService } from './caseTypeService';
import { caseTypeCreate, caseTypeListQuery, caseTypeParams, caseTypeUpdate } from './schema';

const tags = ['cases'];

/** The case type dictionary: one per office, not tied to a unit, so the routes are global (permission only). */
export const caseTypeRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: '/api/v1/cases/case-types', summary: 'Case types (案件类别) of the office dictionary, with the effective economic flag', tags,
    access: { permission: 'cases.dictionary.read', scope: 'global' }, query: caseTypeListQuery,
    handler: async ({ ctx, query }) => caseTypeService.list(ctx.db, query.includeInactive),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/cases/case-types', summary: 'Add a case type or subtype (code, zh/en label, parent, economic flag; audited)', tags,
    access: { permission: 'cases.dictionary.write', scope: 'global' }, body: caseTypeCreate, successStatus: 201,
    handler: async ({ ctx, actor, body }) => caseTypeService.create(ctx, actor, body),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/cases/case-types/:code', summary: 'Change or disable a case type (built-ins are disabled, never deleted; audited)', tags,
    access: { permission: 'cases.dictionary.write', scope: 'global' }, params: caseTypeParams, body: caseTypeUpdate,
    handler: async ({ ctx, actor, params, body }) => caseTypeService.update(ctx, actor, params.code, body),
  }),
];
