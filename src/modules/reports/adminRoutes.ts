import { defineRoute, type RouteDef } from '../../platform/http/route';
import { dictionaryService, type Dictionary } from './dictionaries';
import { routingService } from './routingService';
import { codeParams, dictionaryEntryInput, dictionaryEntryUpdate, idParams, routingRuleInput, routingRuleUpdate } from './schema';

/** County-wide configuration (not unit-owned data, hence scope 'global'): routing rules and the county's dictionaries. */
const tags = ['reports-admin'];
// Reading the configuration is open to every signed-in official: the intake forms need the word lists, and the
// system administrator who maintains them (reports.routing.write) must not need to read reports to do so.
const readCfg = { permission: 'authenticated', scope: 'self' } as const;
const writeCfg = { permission: 'reports.routing.write', scope: 'global' } as const;

/** List, add and change the entries of one dictionary (entries are switched off, never deleted). */
const dictionaryRoutes = (path: string, dictionary: Dictionary, summary: string): RouteDef[] => [
  defineRoute({ method: 'GET', url: `/api/v1/reports/${path}`, summary, tags, access: readCfg,
    handler: async ({ ctx, actor }) => dictionaryService.list(ctx, actor, dictionary) }),
  defineRoute({ method: 'POST', url: `/api/v1/reports/${path}`, summary: `Add an entry: ${summary}`, tags, access: writeCfg,
    body: dictionaryEntryInput, successStatus: 201, handler: async ({ ctx, actor, body }) => dictionaryService.create(ctx, actor, dictionary, body) }),
  defineRoute({ method: 'PATCH', url: `/api/v1/reports/${path}/:code`, summary: `Change an entry: ${summary}`, tags, access: writeCfg,
    params: codeParams, body: dictionaryEntryUpdate, handler: async ({ ctx, actor, params, body }) => dictionaryService.update(ctx, actor, dictionary, params.code, body) }),
];

export const adminRoutes: RouteDef[] = [
  defineRoute({ method: 'GET', url: '/api/v1/reports/routing-rules', summary: 'Routing rules of the county', tags, access: readCfg,
    handler: async ({ ctx, actor }) => routingService.listRules(ctx, actor) }),
  defineRoute({ method: 'POST', url: '/api/v1/reports/routing-rules', summary: 'Add a routing rule (category × township × rank → unit)', tags, access: writeCfg,
    body: routingRuleInput, successStatus: 201, handler: async ({ ctx, actor, body }) => routingService.createRule(ctx, actor, body) }),
  defineRoute({ method: 'PATCH', url: '/api/v1/reports/routing-rules/:id', summary: 'Change a routing rule', tags, access: writeCfg,
    params: idParams, body: routingRuleUpdate, handler: async ({ ctx, actor, params, body }) => routingService.updateRule(ctx, actor, params.id, body) }),
  defineRoute({ method: 'DELETE', url: '/api/v1/reports/routing-rules/:id', summary: 'Delete a routing rule (audited with its content)', tags, access: writeCfg,
    params: idParams, handler: async ({ ctx, actor, params }) => routingService.deleteRule(ctx, actor, params.id) }),
  ...dictionaryRoutes('efficiency-categories', 'efficiencyCategory', '效能投诉 categories (countsAsDrift: 作风漂浮、工作疲沓)'),
  ...dictionaryRoutes('sectors', 'sector', '领域 sectors of reports'),
];
