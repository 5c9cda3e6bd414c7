import { defineRoute, type RouteDef } from '../../platform/http/route';
import { officialRepository } from './officialRepository';
import { officialService } from './officialService';
import { idParams, officialCreate, officialFilter, officialUpdate } from './schema';

export const officialRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: '/api/v1/org/officials', summary: 'Search officials (paged; citizen IDs masked)', tags: ['org'],
    access: { permission: 'org.official.read', scope: { resource: 'officials', op: 'list' } }, query: officialFilter,
    handler: async ({ ctx, actor, query }) => ({ ...(await officialRepository.list(ctx.db, actor, query)), page: query.page, pageSize: query.pageSize }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/org/officials/:id', summary: 'One official with the full citizen ID (audited)', tags: ['org'],
    access: { permission: 'org.official.read', scope: { resource: 'officials', op: 'read' } }, params: idParams,
    handler: async ({ ctx, actor, params }) => officialService.read(ctx, actor, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/org/officials', summary: 'Add an official', tags: ['org'],
    access: { permission: 'org.official.write', scope: { resource: 'officials', op: 'create' } }, body: officialCreate, successStatus: 201,
    handler: async ({ ctx, actor, body }) => officialService.create(ctx, actor, body),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/org/officials/:id', summary: 'Change an official', tags: ['org'],
    access: { permission: 'org.official.write', scope: { resource: 'officials', op: 'update' } }, params: idParams, body: officialUpdate,
    handler: async ({ ctx, actor, params, body }) => officialService.update(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/org/officials/:id', summary: 'Remove an official (kept in history)', tags: ['org'],
    access: { permission: 'org.official.write', scope: { resource: 'officials', op: 'delete' } }, params: idParams,
    handler: async ({ ctx, actor, params }) => officialService.remove(ctx, actor, params.id),
  }),
];
