import { defineRoute, type RouteDef } from '../../platform/http/route';
import { clueService } from './clueService';
import { DOCX_TYPE } from './documents';
import { documentService } from './documentService';
import { clueConclusion, clueCreate, clueDisposal, clueInquiry, idParams, listQuery } from './schema';

const tags = ['cases'];
const read = { permission: 'cases.clue.read', scope: { resource: 'clues', op: 'read' } } as const;
const update = { permission: 'cases.clue.write', scope: { resource: 'clues', op: 'update' } } as const;

export const clueRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: '/api/v1/cases/clues', summary: 'Clue register (paged, data scope of the handling unit)', tags,
    access: { permission: 'cases.clue.read', scope: { resource: 'clues', op: 'list' } }, query: listQuery,
    handler: async ({ ctx, actor, query }) => clueService.list(ctx.db, actor, query),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/cases/clues', summary: 'Register a clue with its sources and accused (numbered per county and year)', tags,
    access: { permission: 'cases.clue.write', scope: { resource: 'clues', op: 'create' } }, body: clueCreate, successStatus: 201,
    handler: async ({ ctx, actor, body }) => clueService.create(ctx, actor, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/cases/clues/:id', summary: 'One clue with sources, accused and time limits', tags, access: read, params: idParams,
    handler: async ({ ctx, actor, params }) => clueService.view(ctx.db, actor, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/cases/clues/:id/disposal', summary: 'Dispose of a clue (谈话函询/初步核实/暂存待查/予以了结) with approval at the required level', tags,
    access: update, params: idParams, body: clueDisposal,
    handler: async ({ ctx, actor, params, body }) => clueService.dispose(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/cases/clues/:id/inquiry', summary: 'Record the inquiry letter served (reply due in 15 working days) and the reply', tags,
    access: update, params: idParams, body: clueInquiry,
    handler: async ({ ctx, actor, params, body }) => clueService.inquiry(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/cases/clues/:id/conclusion', summary: 'Conclude a clue; the outcome flows back to its sources', tags,
    access: update, params: idParams, body: clueConclusion,
    handler: async ({ ctx, actor, params, body }) => clueService.conclude(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/cases/clues/:id/inquiry-notice.docx', summary: '函询通知书 as docx (audited)', tags,
    access: { permission: 'cases.clue.read', scope: { resource: 'clues', op: 'export' } }, params: idParams,
    handler: async ({ ctx, actor, params, reply }) => {
      const d = await documentService.inquiryNotice(ctx, actor, params.id);
      return reply.header('content-type', DOCX_TYPE).header('content-disposition', `attachment; filename="${d.name}"`).send(d.file);
    },
  }),
];
