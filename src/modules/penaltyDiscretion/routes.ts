import { defineRoute, type RouteDef } from '../../platform/http/route';
import { readUpload } from '../../platform/http/upload';
import { XLSX_TYPE } from '../../platform/excel/sheets';
import { updateBenchmarkTiers } from './benchmarkEdit';
import { benchmarkService } from './benchmarkService';
import { departmentConsistency, itemFines } from './consistencyService';
import { buildTemplate } from './decisionExcel';
import { decisionService } from './decisionService';
import { penaltyDiscretionHitCodes } from './hitCodes';
import { importDecisions } from './importService';
import { benchmarkCreate, benchmarkListQuery, benchmarkTiersUpdate, consistencyQuery, decisionCreate, decisionListQuery, idParams, settingsUpdate } from './schema';
import { MIN_PEERS } from './rules';
import { runScreening } from './screeningService';
import { loadSettings } from './settings';
import { saveSettings } from './settingsService';

const tags = ['penaltyDiscretion'];
const read = 'penaltyDiscretion.read';

export const penaltyDiscretionRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: '/api/v1/penalty/benchmarks', summary: 'Benchmark items (裁量基准) with their tiers\' fine bands; published, so every department\'s', tags,
    access: { permission: read, scope: 'global' }, query: benchmarkListQuery,
    handler: async ({ ctx, actor, query }) => ({ items: await benchmarkService.list(ctx.db, actor, query) }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/penalty/benchmarks', summary: 'Add a benchmark item with its tiers to a department in the caller\'s scope', tags,
    successStatus: 201, access: { permission: 'penaltyDiscretion.write', scope: { resource: 'penaltyBenchmarks', op: 'create' } }, body: benchmarkCreate,
    handler: async ({ ctx, actor, body }) => benchmarkService.create(ctx, actor, body),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/penalty/benchmarks/:id', summary: 'Replace a benchmark item\'s tiers (audited with the bands before); the county is screened again', tags,
    access: { permission: 'penaltyDiscretion.write', scope: { resource: 'penaltyBenchmarks', op: 'update' } }, params: idParams, body: benchmarkTiersUpdate,
    handler: async ({ ctx, actor, params, body }) => updateBenchmarkTiers(ctx, actor, params.id, body.tiers),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/penalty/decisions', summary: 'Penalty decisions and closures in the caller\'s scope, with their open flags', tags,
    access: { permission: read, scope: { resource: 'penaltyDecisions', op: 'list' } }, query: decisionListQuery,
    handler: async ({ ctx, actor, query }) => decisionService.list(ctx.db, actor, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/penalty/decisions/template.xlsx', summary: 'Excel template of penalty decisions', tags,
    access: { permission: read, scope: 'global' },
    handler: async ({ reply }) => reply.header('content-type', XLSX_TYPE).header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="penalty-decisions.xlsx"; filename*=UTF-8''${encodeURIComponent('行政处罚决定导入模板.xlsx')}`).send(await buildTemplate()),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/penalty/decisions/:id', summary: 'One penalty decision with its benchmark item and hits', tags,
    access: { permission: read, scope: { resource: 'penaltyDecisions', op: 'read' } }, params: idParams,
    handler: async ({ ctx, actor, params }) => decisionService.view(ctx.db, actor, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/penalty/decisions', summary: 'Record a penalty decision or a closure without penalty; the county is screened again', tags,
    successStatus: 201, access: { permission: 'penaltyDiscretion.write', scope: { resource: 'penaltyDecisions', op: 'create' } }, body: decisionCreate,
    handler: async ({ ctx, actor, body }) => decisionService.create(ctx, actor, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/penalty/decisions/import', summary: 'Import decisions from the Excel template (all rows or none; row errors named), then screen', tags,
    access: { permission: 'penaltyDiscretion.write', scope: { resource: 'penaltyDecisions', op: 'import' } }, multipart: true,
    handler: async ({ ctx, actor, req, locale }) => { const f = await readUpload(req); return importDecisions(ctx, actor, locale, f.buffer, f.fileName); },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/penalty/screening', summary: 'Re-run the consistency screening over the county\'s decisions (keeps decided hits)', tags,
    access: { permission: 'penaltyDiscretion.screen', scope: 'global' },
    handler: async ({ ctx, actor }) => runScreening(ctx, actor),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/penalty/consistency', summary: 'Per department: decisions, flagged share and counts by rule; items with decisions', tags,
    access: { permission: read, scope: { resource: 'penaltyConsistency', op: 'list' } }, query: consistencyQuery,
    handler: async ({ ctx, actor, query }) => departmentConsistency(ctx.db, actor, query.year),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/penalty/consistency/items/:id', summary: 'One benchmark item: its tiers\' bands and the fines decided under it', tags,
    access: { permission: read, scope: { resource: 'penaltyItemFines', op: 'list' } }, params: idParams, query: consistencyQuery,
    handler: async ({ ctx, actor, params, query }) => itemFines(ctx.db, actor, params.id, query.year),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/penalty/settings', summary: 'The county\'s screening settings, the fixed peer minimum and the rules\' names', tags,
    access: { permission: read, scope: 'global' },
    handler: async ({ ctx, actor }) => ({ ...(await loadSettings(ctx.db, actor.countyCode)), minPeers: MIN_PEERS, rules: penaltyDiscretionHitCodes }),
  }),
  defineRoute({
    method: 'PUT', url: '/api/v1/penalty/settings', summary: 'Change the county\'s screening settings; the county is screened again', tags,
    access: { permission: 'penaltyDiscretion.screen', scope: 'global' }, body: settingsUpdate,
    handler: async ({ ctx, actor, body }) => saveSettings(ctx, actor, body),
  }),
];
