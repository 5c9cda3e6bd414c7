import { defineRoute, type RouteDef } from '../../platform/http/route';
import { loadSettings, saveSettings } from './access';
import { checkService } from './checkService';
import { recordService } from './recordService';
import {
  checkCreate, checkListQuery, checkRectify, idParams, matrixQuery, recordCorrect, recordCreate, recordListQuery, settingsUpdate, siteCreate, siteListQuery, siteUpdate,
} from './schema';
import { siteService } from './siteService';

const tags = ['disclosure'];
const settingsView = (s: Awaited<ReturnType<typeof loadSettings>>) => ({ dueDays: s.dueDays, firstQuarter: s.firstPeriod, stored: s.stored });
const read = (resource: string) => ({ permission: 'disclosure.read', scope: { resource, op: 'list' } }) as const;

export const disclosureRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: '/api/v1/disclosure/matrix', summary: 'Units × quarters of a year with each obligation\'s status (按时/逾期/未公开/待公开) and on-time rates by township', tags,
    access: read('disclosureMatrix'), query: matrixQuery,
    handler: async ({ ctx, actor, query }) => recordService.matrix(ctx.db, actor, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/disclosure/records', summary: 'Disclosure records (filters unit, kind, quarter), paged', tags,
    access: read('disclosureRecords'), query: recordListQuery,
    handler: async ({ ctx, actor, query }) => recordService.list(ctx.db, actor, query),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/disclosure/records', summary: 'Record a disclosure of a unit for a quarter (items, date, where)', tags, successStatus: 201,
    access: { permission: 'disclosure.write', scope: { resource: 'disclosureRecords', op: 'create' } }, body: recordCreate,
    handler: async ({ ctx, actor, body }) => recordService.create(ctx, actor, body),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/disclosure/records/:id', summary: 'Correct a disclosure record (items, date, where, evidence) with the reason; unit, kind and quarter stay', tags,
    access: { permission: 'disclosure.write', scope: { resource: 'disclosureRecords', op: 'update' } }, params: idParams, body: recordCorrect,
    handler: async ({ ctx, actor, params, body }) => recordService.correct(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/disclosure/checks', summary: 'Spot checks of disclosures (专项检查), open problems first, paged', tags,
    access: read('disclosureChecks'), query: checkListQuery,
    handler: async ({ ctx, actor, query }) => checkService.list(ctx.db, actor, query),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/disclosure/checks', summary: 'Record a spot check; a failing result opens a problem to rectify by its due date', tags, successStatus: 201,
    access: { permission: 'disclosure.check', scope: { resource: 'disclosureChecks', op: 'create' } }, body: checkCreate,
    handler: async ({ ctx, actor, body }) => checkService.create(ctx, actor, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/disclosure/checks/:id/rectify', summary: 'Record the rectification of a failed check (open → rectified)', tags,
    access: { permission: 'disclosure.write', scope: { resource: 'disclosureChecks', op: 'update' } }, params: idParams, body: checkRectify,
    handler: async ({ ctx, actor, params, body }) => checkService.rectify(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/disclosure/demo-sites', summary: 'Demonstration sites (示范点) register, paged', tags,
    access: read('demoSites'), query: siteListQuery,
    handler: async ({ ctx, actor, query }) => siteService.list(ctx.db, actor, query),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/disclosure/demo-sites', summary: 'Add a demonstration site (培育中/已命名/撤销)', tags, successStatus: 201,
    access: { permission: 'disclosure.check', scope: { resource: 'demoSites', op: 'create' } }, body: siteCreate,
    handler: async ({ ctx, actor, body }) => siteService.create(ctx, actor, body),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/disclosure/demo-sites/:id', summary: 'Change a demonstration site (name, kind, status and its dates, note)', tags,
    access: { permission: 'disclosure.check', scope: { resource: 'demoSites', op: 'update' } }, params: idParams, body: siteUpdate,
    handler: async ({ ctx, actor, params, body }) => siteService.update(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/disclosure/settings', summary: 'The county\'s disclosure settings: days after a quarter a disclosure is due, first tracked quarter', tags,
    access: { permission: 'disclosure.read', scope: 'global' },
    handler: async ({ ctx, actor }) => settingsView(await loadSettings(ctx.db, actor.countyCode)),
  }),
  defineRoute({
    method: 'PUT', url: '/api/v1/disclosure/settings', summary: 'Change the county\'s disclosure settings', tags,
    access: { permission: 'disclosure.check', scope: 'global' }, body: settingsUpdate,
    handler: async ({ ctx, actor, body }) => settingsView(await saveSettings(ctx, actor, { dueDays: body.dueDays, firstPeriod: body.firstQuarter })),
  }),
];
