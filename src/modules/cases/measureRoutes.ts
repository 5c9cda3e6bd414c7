import { defineRoute, type RouteDef } from '../../platform/http/route';
import { caseUpdateAccess } from './caseRoutes';
import { detentionService } from './detentionService';
import { measureService } from './measureService';
import { reviewService } from './reviewService';
import {
  detentionNotice, idParams, measureEnd, measureExtension, measureParams, measureSpecialExtension, measureStart, outcomeParams, reviewApply, reviewDecide, reviewParams,
} from './schema';

const tags = ['cases'];
const update = caseUpdateAccess;

/** 措施 (留置 and others) per case subject, and 复审/复核 of decided sanctions; both return the case file. */
export const measureRoutes: RouteDef[] = [
  defineRoute({
    method: 'POST', url: '/api/v1/cases/cases/:id/measures', summary: 'Record a measure (留置, 冻结, 限制出境 …) on a subject, with its approval; due date from the rule table', tags,
    access: update, params: idParams, body: measureStart, successStatus: 201,
    handler: async ({ ctx, actor, params, body }) => measureService.start(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/cases/cases/:id/measures/:measureId/extensions', summary: 'Record an approved extension of a measure (留置: once, ≤ 3 months)', tags,
    access: update, params: measureParams, body: measureExtension,
    handler: async ({ ctx, actor, params, body }) => measureService.extend(ctx, actor, params.id, params.measureId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/cases/cases/:id/measures/:measureId/special-extension',
    summary: '留置 特别延长: once, after the ordinary extension, +2 months with the NSC\'s approval where ≥10 years\' imprisonment is possible (监察法 第四十八条)', tags,
    access: update, params: measureParams, body: measureSpecialExtension,
    handler: async ({ ctx, actor, params, body }) => detentionService.specialExtend(ctx, actor, params.id, params.measureId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/cases/cases/:id/measures/:measureId/notices', summary: 'Record the notice of a 留置 to the unit or family (within 24 h, 监察法 第五十条), or why it was withheld', tags,
    access: update, params: measureParams, body: detentionNotice,
    handler: async ({ ctx, actor, params, body }) => detentionService.recordNotice(ctx, actor, params.id, params.measureId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/cases/cases/:id/measures/:measureId/end', summary: 'End (解除) a measure; ending 留置 starts the one-year limit from its lifting', tags,
    access: update, params: measureParams, body: measureEnd,
    handler: async ({ ctx, actor, params, body }) => measureService.end(ctx, actor, params.id, params.measureId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/cases/cases/:id/subjects/:subjectId/outcomes/:outcomeId/reviews', summary: 'Record an application for 复审 or 复核 of a sanction (periods on the statutory calendar)', tags,
    access: update, params: outcomeParams, body: reviewApply, successStatus: 201,
    handler: async ({ ctx, actor, params, body }) => reviewService.apply(ctx, actor, params.id, params.subjectId, params.outcomeId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/cases/cases/:id/reviews/:reviewId/decision', summary: 'Decide a 复审/复核: 维持, 变更 (new sanction, history kept) or 撤销', tags,
    access: update, params: reviewParams, body: reviewDecide,
    handler: async ({ ctx, actor, params, body }) => reviewService.decide(ctx, actor, params.id, params.reviewId, body),
  }),
];
