import { defineRoute, type RouteDef } from '../../platform/http/route';
import { appraisalService } from './appraisalService';
import { meetingService } from './meetingService';
import { idParams, meetingCreate, pageQuery, ratingsSubmit, reportCreate, roundCreate, secretaryQuery, taskComplete, taskCreate, taskListQuery } from './schema';
import { taskService } from './taskService';

const tags = ['duty'];
const read = (resource: string, op: 'list' | 'read') => ({ permission: 'duty.read', scope: { resource, op } }) as const;
const write = (resource: string, op: 'create' | 'update') => ({ permission: 'duty.write', scope: { resource, op } }) as const;

export const dutyRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: '/api/v1/duty/tasks', summary: '责任分解 tasks in the caller\'s scope (filters year, unit, status, overdue), with done and overdue counts', tags,
    access: read('dutyTasks', 'list'), query: taskListQuery,
    handler: async ({ ctx, actor, query }) => taskService.list(ctx.db, actor, query),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/duty/tasks', summary: 'Assign a task to one or more responsible units (one task row per unit)', tags, successStatus: 201,
    access: write('dutyTasks', 'create'), body: taskCreate,
    handler: async ({ ctx, actor, body }) => taskService.create(ctx, actor, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/duty/tasks/:id', summary: 'One task', tags,
    access: read('dutyTasks', 'read'), params: idParams,
    handler: async ({ ctx, actor, params }) => taskService.view(ctx.db, actor, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/duty/tasks/:id/complete', summary: 'The responsible unit records the task\'s completion (pending → done)', tags,
    access: { permission: 'duty.complete', scope: { resource: 'dutyTasks', op: 'update' } }, params: idParams, body: taskComplete,
    handler: async ({ ctx, actor, params, body }) => taskService.complete(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/duty/secretaries', summary: 'Township party secretaries on record in the caller\'s scope (for the pickers)', tags,
    access: read('dutySecretaries', 'list'), query: secretaryQuery,
    handler: async ({ ctx, actor, query }) => meetingService.secretaries(ctx.db, actor, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/duty/meetings', summary: 'Meetings hearing township secretaries\' duty reports, with the number of reports in the caller\'s scope', tags,
    access: read('dutyMeetings', 'list'), query: pageQuery,
    handler: async ({ ctx, actor, query }) => meetingService.list(ctx.db, actor, query),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/duty/meetings', summary: 'Record a meeting (organising unit defaults to the caller\'s)', tags, successStatus: 201,
    access: write('dutyMeetings', 'create'), body: meetingCreate,
    handler: async ({ ctx, actor, body }) => meetingService.create(ctx, actor, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/duty/meetings/:id', summary: 'One meeting with the reports heard (caller\'s scope) and its appraisal rounds', tags,
    access: read('dutyMeetings', 'read'), params: idParams,
    handler: async ({ ctx, actor, params }) => meetingService.view(ctx.db, actor, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/duty/meetings/:id/reports', summary: 'Record a township secretary\'s report at the meeting (once per secretary)', tags, successStatus: 201,
    access: write('dutyReports', 'create'), params: idParams, body: reportCreate,
    handler: async ({ ctx, actor, params, body }) => meetingService.addReport(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/duty/rounds', summary: 'Appraisal rounds (评议)', tags,
    access: read('dutyRounds', 'list'), query: pageQuery,
    handler: async ({ ctx, actor, query }) => appraisalService.list(ctx.db, actor, query),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/duty/rounds', summary: 'Open an appraisal round of township secretaries (default: every township\'s 党委书记 on record)', tags, successStatus: 201,
    access: write('dutyRounds', 'create'), body: roundCreate,
    handler: async ({ ctx, actor, body }) => appraisalService.create(ctx, actor, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/duty/rounds/:id', summary: 'One round: per secretary the counts of 好/较好/一般/差, share of 好 and rank, and the caller\'s own ratings', tags,
    access: read('dutyRounds', 'read'), params: idParams,
    handler: async ({ ctx, actor, params }) => appraisalService.view(ctx.db, actor, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/duty/rounds/:id/ratings', summary: 'The caller\'s ratings of secretaries in an open round (once per secretary)', tags,
    access: { permission: 'duty.appraise', scope: { resource: 'dutyAppraisals', op: 'create' } }, params: idParams, body: ratingsSubmit,
    handler: async ({ ctx, actor, params, body }) => appraisalService.rate(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/duty/rounds/:id/close', summary: 'Close the round; ratings are refused afterwards', tags,
    access: write('dutyRounds', 'update'), params: idParams,
    handler: async ({ ctx, actor, params }) => appraisalService.close(ctx, actor, params.id),
  }),
];
