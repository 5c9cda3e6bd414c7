import { defineRoute, type RouteDef } from '../../platform/http/route';
import { DOCX_TYPE } from './documents';
import { documentService } from './documentService';
import { readIntegrity } from './integrityService';
import { relationService } from './relationService';
import { ruleOverrideSchema } from './rules';
import { ruleTableService } from './ruleTableService';
import { z } from 'zod';
import { idParams, opinionQuery, relationCreate, relationFilter } from './schema';

const tags = ['cases'];

export const integrityRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: '/api/v1/cases/rules', summary: "The office's time-limit table (built-in rules with sources and confidence, plus its overrides)", tags,
    access: { permission: 'cases.clue.read', scope: 'global' },
    handler: async ({ ctx, actor }) => ruleTableService.view(ctx.db, actor),
  }),
  defineRoute({
    method: 'PUT', url: '/api/v1/cases/rules', summary: 'Replace the office overrides of the time-limit table (confirm or change rules; audited)', tags,
    access: { permission: 'cases.rules.write', scope: 'global' }, body: z.strictObject({ overrides: z.array(ruleOverrideSchema).max(100) }),
    handler: async ({ ctx, actor, body }) => ruleTableService.replace(ctx, actor, body.overrides),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/cases/officials/:id/integrity', summary: "An official's integrity record (audited)", tags,
    access: { permission: 'cases.integrity.read', scope: { resource: 'integrity', op: 'read' } }, params: idParams,
    handler: async ({ ctx, actor, params }) => readIntegrity(ctx, actor, params.id, 'cases.integrity.read'),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/cases/officials/:id/integrity-opinion.docx', summary: '廉政意见回复 as docx with its conclusion (audited)', tags,
    access: { permission: 'cases.integrity.read', scope: { resource: 'integrity', op: 'export' } }, params: idParams, query: opinionQuery,
    handler: async ({ ctx, actor, params, query, reply }) => {
      const d = await documentService.integrityOpinion(ctx, actor, params.id, query.purpose);
      return reply.header('content-type', DOCX_TYPE).header('x-integrity-conclusion', d.conclusion)
        .header('content-disposition', `attachment; filename="${d.name}"`).send(d.file);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/cases/relations', summary: 'Recorded relations for recusal', tags,
    access: { permission: 'cases.relation.write', scope: { resource: 'officialRelations', op: 'list' } }, query: relationFilter,
    handler: async ({ ctx, actor, query }) => relationService.list(ctx.db, actor, query),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/cases/relations', summary: 'Record a relation between an official and a staff user (recusal)', tags,
    access: { permission: 'cases.relation.write', scope: { resource: 'officialRelations', op: 'create' } }, body: relationCreate, successStatus: 201,
    handler: async ({ ctx, actor, body }) => relationService.create(ctx, actor, body),
  }),
];
