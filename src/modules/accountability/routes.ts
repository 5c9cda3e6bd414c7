import { defineRoute, type RouteDef } from '../../platform/http/route';
import { decisionService } from './decisionService';
import { accountabilityFormWords, FORMS_SOURCE_EN, FORMS_SOURCE_ZH } from './dimensions';
import { organisationForms, personForms } from './db';
import { decisionCreate, decisionListQuery, idParams } from './schema';

const tags = ['accountability'];

export const accountabilityRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: '/api/v1/accountability/forms', summary: 'The accountability forms for persons and for organisations, with their source in the regulation', tags,
    access: { permission: 'accountability.read', scope: 'global' },
    handler: async () => ({
      person: personForms.map((code) => ({ code, zh: accountabilityFormWords[code][0], en: accountabilityFormWords[code][1] })),
      organisation: organisationForms.map((code) => ({ code, zh: accountabilityFormWords[code][0], en: accountabilityFormWords[code][1] })),
      sourceZh: FORMS_SOURCE_ZH, sourceEn: FORMS_SOURCE_EN,
    }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/accountability/decisions', summary: 'Accountability decisions (问责) in the caller\'s scope, filtered by target type, form, leader flag, year, official or text', tags,
    access: { permission: 'accountability.read', scope: { resource: 'accountabilityDecisions', op: 'list' } }, query: decisionListQuery,
    handler: async ({ ctx, actor, query }) => decisionService.list(ctx.db, actor, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/accountability/decisions/:id', summary: 'One accountability decision', tags,
    access: { permission: 'accountability.read', scope: { resource: 'accountabilityDecisions', op: 'read' } }, params: idParams,
    handler: async ({ ctx, actor, params }) => decisionService.view(ctx.db, actor, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/accountability/decisions', summary: 'Record an accountability decision against an official or a party organisation (form must fit the target)', tags,
    successStatus: 201, access: { permission: 'accountability.write', scope: { resource: 'accountabilityDecisions', op: 'create' } }, body: decisionCreate,
    handler: async ({ ctx, actor, body }) => decisionService.create(ctx, actor, body),
  }),
];
