import { defineRoute, type RouteDef } from '../../platform/http/route';
import { efficiencyCategoryService, routingService } from './routingService';
import { codeParams, efficiencyCategoryInput, efficiencyCategoryUpdate, idParams, routingRuleInput, routingRuleUpdate } from './schema';

/** County-wide configuration (not unit-owned data, hence scope 'global'): routing rules and the 效能投诉 dictionary. */
const tags = ['reports-admin'];
const readCfg = { permission: 'reports.report.read', scope: 'global' } as const;
const writeCfg = { permission: 'reports.routing.write', scope: 'global' } as const;

export const adminRoutes: RouteDef[] = [
  defineRoute({ method: 'GET', url: '/api/v1/reports/routing-rules', summary: 'Routing rules of the county', tags, access: readCfg,
    handler: async ({ ctx, actor }) => routingService.listRules(ctx, actor) }),
  defineRoute({ method: 'POST', url: '/api/v1/reports/routing-rules', summary: 'Add a routing rule (category × township × rank → unit)', tags, access: writeCfg,
    body: routingRuleInput, successStatus: 201, handler: async ({ ctx, actor, body }) => routingService.createRule(ctx, actor, body) }),
  defineRoute({ method: 'PATCH', url: '/api/v1/reports/routing-rules/:id', summary: 'Change a routing rule', tags, access: writeCfg,
    params: idParams, body: routingRuleUpdate, handler: async ({ ctx, actor, params, body }) => routingService.updateRule(ctx, actor, params.id, body) }),
  defineRoute({ method: 'DELETE', url: '/api/v1/reports/routing-rules/:id', summary: 'Delete a routing rule (audited with its content)', tags, access: writeCfg,
    params: idParams, handler: async ({ ctx, actor, params }) => routingService.deleteRule(ctx, actor, params.id) }),
  defineRoute({ method: 'GET', url: '/api/v1/reports/efficiency-categories', summary: '效能投诉 categories (countsAsDrift: 作风漂浮、工作疲沓)', tags, access: readCfg,
    handler: async ({ ctx, actor }) => efficiencyCategoryService.list(ctx, actor) }),
  defineRoute({ method: 'POST', url: '/api/v1/reports/efficiency-categories', summary: 'Add an efficiency-complaint category', tags, access: writeCfg,
    body: efficiencyCategoryInput, successStatus: 201, handler: async ({ ctx, actor, body }) => efficiencyCategoryService.create(ctx, actor, body) }),
  defineRoute({ method: 'PATCH', url: '/api/v1/reports/efficiency-categories/:code', summary: 'Change an efficiency-complaint category', tags, access: writeCfg,
    params: codeParams, body: efficiencyCategoryUpdate, handler: async ({ ctx, actor, params, body }) => efficiencyCategoryService.update(ctx, actor, params.code, body) }),
];
