import { defineRoute, type RouteDef } from '../../platform/http/route';
import { riskService } from './riskService';
import { ruleService } from './ruleService';
import { idParams, riskChartQuery, riskCreate, riskListQuery, riskUpdate, ruleCreate, ruleListQuery, ruleStatusChange, ruleUpdate } from './schema';

const tags = ['prevention'];
// Rules are the county's documents: every reader sees them (global); writing them needs a scope holding the CDI.
const ruleWrite = (op: 'create' | 'update') => ({ permission: 'prevention.write', scope: { resource: 'preventionRules', op } }) as const;
const riskRead = (op: 'list' | 'read') => ({ permission: 'prevention.read', scope: { resource: 'riskPoints', op } }) as const;

export const preventionRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: '/api/v1/prevention/rules', summary: 'The county\'s corruption prevention rules (预防腐败制度), filtered by area, status, year or text', tags,
    access: { permission: 'prevention.read', scope: 'global' }, query: ruleListQuery,
    handler: async ({ ctx, actor, query }) => ruleService.list(ctx.db, actor, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/prevention/rules/:id', summary: 'One prevention rule', tags,
    access: { permission: 'prevention.read', scope: 'global' }, params: idParams,
    handler: async ({ ctx, actor, params }) => ruleService.view(ctx.db, actor, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/prevention/rules', summary: 'Record a prevention rule (county scope only)', tags, successStatus: 201,
    access: ruleWrite('create'), body: ruleCreate,
    handler: async ({ ctx, actor, body }) => ruleService.create(ctx, actor, body),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/prevention/rules/:id', summary: 'Edit a prevention rule (county scope only)', tags,
    access: ruleWrite('update'), params: idParams, body: ruleUpdate,
    handler: async ({ ctx, actor, params, body }) => ruleService.update(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/prevention/rules/:id/status', summary: 'Change a rule\'s status: 现行 / 已修订 / 已废止 (county scope only)', tags,
    access: ruleWrite('update'), params: idParams, body: ruleStatusChange,
    handler: async ({ ctx, actor, params, body }) => ruleService.setStatus(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/prevention/risk-points', summary: 'Integrity risk points (廉政风险点) in the caller\'s scope, filtered by level, township, unit or text', tags,
    access: riskRead('list'), query: riskListQuery,
    handler: async ({ ctx, actor, query }) => riskService.list(ctx.db, actor, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/prevention/risk-points/chart', summary: 'Risk points by level and by township or county-level unit, in the caller\'s scope', tags,
    access: riskRead('list'), query: riskChartQuery,
    handler: async ({ ctx, actor, query }) => riskService.chart(ctx.db, actor, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/prevention/risk-points/:id', summary: 'One risk point', tags,
    access: riskRead('read'), params: idParams,
    handler: async ({ ctx, actor, params }) => riskService.view(ctx.db, actor, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/prevention/risk-points', summary: 'Record a risk point of a post in a unit in the caller\'s scope', tags, successStatus: 201,
    access: { permission: 'prevention.write', scope: { resource: 'riskPoints', op: 'create' } }, body: riskCreate,
    handler: async ({ ctx, actor, body }) => riskService.create(ctx, actor, body),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/prevention/risk-points/:id', summary: 'Edit a risk point in the caller\'s scope', tags,
    access: { permission: 'prevention.write', scope: { resource: 'riskPoints', op: 'update' } }, params: idParams, body: riskUpdate,
    handler: async ({ ctx, actor, params, body }) => riskService.update(ctx, actor, params.id, body),
  }),
];
