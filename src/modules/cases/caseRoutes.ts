import { defineRoute, type RouteDef } from '../../platform/http/route';
import { caseService } from './caseService';
import { deadlineWarnings } from './deadlineService';
import { z } from 'zod';
import { DOCX_TYPE } from './documents';
import { documentService } from './documentService';
import { outcomeService } from './outcomeService';
import {
  caseOpen, deadlineParams, extensionBody, fulfilBody, idParams, listQuery, memberAdd, outcomeBody, recoveryBody, stageChange, subjectParams,
  suspensionBody, violationBody,
} from './schema';
import { stageService } from './stageService';

const tags = ['cases'];
/** Writing to a case file; the measure and review routes declare the same access. */
export const caseUpdateAccess = { permission: 'cases.case.write', scope: { resource: 'cases', op: 'update' } } as const;
const update = caseUpdateAccess;
const exportAccess = { permission: 'cases.case.read', scope: { resource: 'cases', op: 'export' } } as const;

export const caseRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: '/api/v1/cases/deadlines', summary: 'Running time limits of visible cases and clues, with warnings before and after the due day', tags,
    access: { permission: 'cases.clue.read', scope: { resource: 'caseDeadlines', op: 'list' } },
    query: z.strictObject({ state: z.enum(['dueSoon', 'overdue', 'all']).default('all'), warnDays: z.coerce.number().int().min(0).max(60).default(7) }),
    handler: async ({ ctx, actor, query }) => ({ items: await deadlineWarnings(ctx.db, actor, query.state, query.warnDays) }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/cases/cases', summary: 'Cases the caller may see (data scope AND team membership or supervision)', tags,
    access: { permission: 'cases.case.read', scope: { resource: 'cases', op: 'list' } }, query: listQuery,
    handler: async ({ ctx, actor, query }) => caseService.list(ctx.db, actor, query),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/cases/cases', summary: 'Open a case (立案) with approval, subjects and team; recusal enforced', tags,
    access: { permission: 'cases.case.write', scope: { resource: 'cases', op: 'create' } }, body: caseOpen, successStatus: 201,
    handler: async ({ ctx, actor, body }) => caseService.open(ctx, actor, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/cases/cases/:id', summary: 'Open a case file (audited): subjects, team, timeline, deadlines, outcomes', tags,
    access: { permission: 'cases.case.read', scope: { resource: 'cases', op: 'read' } }, params: idParams,
    handler: async ({ ctx, actor, params }) => caseService.read(ctx, actor, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/cases/cases/:id/members', summary: 'Add a team member (recusal enforced)', tags, access: update, params: idParams, body: memberAdd,
    handler: async ({ ctx, actor, params, body }) => caseService.addMember(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/cases/cases/:id/stage', summary: 'Change the stage (rules of the stage machine; illegal changes refused naming the rule)', tags,
    access: update, params: idParams, body: stageChange,
    handler: async ({ ctx, actor, params, body }) => stageService.change(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/cases/cases/:id/suspension', summary: 'Suspend the case (stops the clocks that the rule table lets stop)', tags,
    access: update, params: idParams, body: suspensionBody,
    handler: async ({ ctx, actor, params, body }) => stageService.suspend(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/cases/cases/:id/resumption', summary: 'Resume a suspended case', tags, access: update, params: idParams, body: suspensionBody,
    handler: async ({ ctx, actor, params, body }) => stageService.resume(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/cases/cases/:id/deadlines/:key/extensions', summary: 'Record an approved extension of a time limit', tags,
    access: update, params: deadlineParams, body: extensionBody,
    handler: async ({ ctx, actor, params, body }) => stageService.extend(ctx, actor, params.id, params.key, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/cases/cases/:id/deadlines/:key/fulfilment', summary: 'Record that a time limit was met', tags,
    access: update, params: deadlineParams, body: fulfilBody,
    handler: async ({ ctx, actor, params, body }) => stageService.fulfil(ctx, actor, params.id, params.key, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/cases/cases/:id/violations', summary: 'Record a violation (discipline + article of a named regulation version; case type)', tags,
    access: update, params: idParams, body: violationBody,
    handler: async ({ ctx, actor, params, body }) => outcomeService.addViolation(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/cases/cases/:id/subjects/:subjectId/outcomes', summary: 'Decide an outcome for a subject (sanction, exemption, organisational, transfer, clearing)', tags,
    access: update, params: subjectParams, body: outcomeBody,
    handler: async ({ ctx, actor, params, body }) => outcomeService.addOutcome(ctx, actor, params.id, params.subjectId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/cases/cases/:id/recoveries', summary: 'Record economic losses recovered (fen)', tags, access: update, params: idParams, body: recoveryBody,
    handler: async ({ ctx, actor, params, body }) => outcomeService.addRecovery(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/cases/cases/:id/opening-decision.docx', summary: '立案决定书 as docx (audited)', tags, access: exportAccess, params: idParams,
    handler: async ({ ctx, actor, params, reply }) => {
      const d = await documentService.openingDecision(ctx, actor, params.id);
      return reply.header('content-type', DOCX_TYPE).header('content-disposition', `attachment; filename="${d.name}"`).send(d.file);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/cases/cases/:id/subjects/:subjectId/sanction-decision.docx', summary: '处分决定书 as docx (audited)', tags, access: exportAccess, params: subjectParams,
    handler: async ({ ctx, actor, params, reply }) => {
      const d = await documentService.sanctionDecision(ctx, actor, params.id, params.subjectId);
      return reply.header('content-type', DOCX_TYPE).header('content-disposition', `attachment; filename="${d.name}"`).send(d.file);
    },
  }),
];
