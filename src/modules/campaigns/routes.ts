import { defineRoute, type RouteDef } from '../../platform/http/route';
import { campaignService } from './campaignService';
import { findingService } from './findingService';
import { objectService } from './objectService';
import {
  campaignCreate, findingAssign, findingCreate, findingListQuery, findingRectify, findingReopen, findingSignOff, idParams, objectCreate, objectListQuery, objectUpdate, pageQuery,
} from './schema';

const tags = ['campaigns'];
const read = (resource: string, op: 'list' | 'read') => ({ permission: 'campaigns.read', scope: { resource, op } }) as const;
const findingUpdate = (permission: 'campaigns.write' | 'campaigns.signOff') => ({ permission, scope: { resource: 'campaignFindings', op: 'update' } }) as const;

export const campaignRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: '/api/v1/campaigns', summary: 'Special campaigns (专项治理) visible to the caller, with their counts in the caller\'s scope', tags,
    access: read('campaigns', 'list'), query: pageQuery,
    handler: async ({ ctx, actor, query }) => campaignService.list(ctx.db, actor, query),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/campaigns', summary: 'Create a campaign (organising unit defaults to the caller\'s)', tags, successStatus: 201,
    access: { permission: 'campaigns.write', scope: { resource: 'campaigns', op: 'create' } }, body: campaignCreate,
    handler: async ({ ctx, actor, body }) => campaignService.create(ctx, actor, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/campaigns/:id', summary: 'One campaign with its summary (排查/发现/整改到位/正在整改/逾期) and counts by category and township', tags,
    access: read('campaigns', 'read'), params: idParams,
    handler: async ({ ctx, actor, params }) => campaignService.view(ctx.db, actor, params.id),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/campaigns/:id/objects', summary: 'The campaign\'s inspected objects (project register), paged', tags,
    access: read('campaignObjects', 'list'), params: idParams, query: objectListQuery,
    handler: async ({ ctx, actor, params, query }) => objectService.listObjects(ctx.db, actor, params.id, query),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/campaigns/:id/objects', summary: 'Register an inspected object (a construction project at or above the threshold)', tags, successStatus: 201,
    access: { permission: 'campaigns.write', scope: { resource: 'campaignObjects', op: 'create' } }, params: idParams, body: objectCreate,
    handler: async ({ ctx, actor, params, body }) => objectService.createObject(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/campaigns/objects/:id', summary: 'Correct an inspected object (same checks as registering it; the audit keeps the values before)', tags,
    access: { permission: 'campaigns.write', scope: { resource: 'campaignObjects', op: 'update' } }, params: idParams, body: objectUpdate,
    handler: async ({ ctx, actor, params, body }) => objectService.updateObject(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/campaigns/objects/:id', summary: 'Remove an object registered by mistake (refused once it has findings)', tags, successStatus: 204,
    access: { permission: 'campaigns.write', scope: { resource: 'campaignObjects', op: 'delete' } }, params: idParams,
    handler: async ({ ctx, actor, params }) => { await objectService.deleteObject(ctx, actor, params.id); },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/campaigns/:id/findings', summary: 'The campaign\'s findings (filters status, category, township, object, overdue), paged', tags,
    access: read('campaignFindings', 'list'), params: idParams, query: findingListQuery,
    handler: async ({ ctx, actor, params, query }) => findingService.list(ctx.db, actor, params.id, query),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/campaigns/:id/findings', summary: 'Record a finding on an inspected object (owner and due date make it rectifying)', tags, successStatus: 201,
    access: { permission: 'campaigns.write', scope: { resource: 'campaignFindings', op: 'create' } }, params: idParams, body: findingCreate,
    handler: async ({ ctx, actor, params, body }) => findingService.create(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/campaigns/findings/:id', summary: 'One finding with its history', tags,
    access: read('campaignFindings', 'read'), params: idParams,
    handler: async ({ ctx, actor, params }) => findingService.view(ctx.db, actor, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/campaigns/findings/:id/assign', summary: 'Name the rectification owner and due date (open/rectifying → rectifying)', tags,
    access: findingUpdate('campaigns.write'), params: idParams, body: findingAssign,
    handler: async ({ ctx, actor, params, body }) => findingService.assign(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/campaigns/findings/:id/rectify', summary: 'Record the rectification with its evidence (rectifying → rectified)', tags,
    access: findingUpdate('campaigns.write'), params: idParams, body: findingRectify,
    handler: async ({ ctx, actor, params, body }) => findingService.rectify(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/campaigns/findings/:id/sign-off', summary: 'Sign off (销号) a rectified finding; not by who recorded the rectification', tags,
    access: findingUpdate('campaigns.signOff'), params: idParams, body: findingSignOff,
    handler: async ({ ctx, actor, params, body }) => findingService.signOff(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/campaigns/findings/:id/reopen', summary: 'Reopen a rectified or signed-off finding after a spot-check (reason required)', tags,
    access: findingUpdate('campaigns.signOff'), params: idParams, body: findingReopen,
    handler: async ({ ctx, actor, params, body }) => findingService.reopen(ctx, actor, params.id, body),
  }),
];
