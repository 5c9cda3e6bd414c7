import { AppError } from '../../platform/errors';
import { defineRoute, type RouteDef } from '../../platform/http/route';
import { idParams, unitCreate, unitFilter, unitUpdate } from './schema';
import { unitRepository } from './unitRepository';
import { unitService } from './unitService';

export const unitRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: '/api/v1/org/units', summary: 'Units: children of parentCode, or the top of the visible tree', tags: ['org'],
    access: { permission: 'org.unit.read', scope: { resource: 'units', op: 'list' } }, query: unitFilter,
    handler: async ({ ctx, actor, query }) => ({ items: await unitRepository.list(ctx.db, actor, query) }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/org/units/:id', summary: 'One unit', tags: ['org'],
    access: { permission: 'org.unit.read', scope: { resource: 'units', op: 'read' } }, params: idParams,
    handler: async ({ ctx, actor, params }) => {
      const unit = await unitRepository.findById(ctx.db, actor, params.id);
      if (!unit) throw AppError.notFound('what.unit');
      return unit;
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/org/units', summary: 'Add a department, stationed team or other unit', tags: ['org'],
    access: { permission: 'org.unit.write', scope: { resource: 'units', op: 'create' } }, body: unitCreate, successStatus: 201,
    handler: async ({ ctx, actor, body }) => unitService.create(ctx, actor, body),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/org/units/:id', summary: 'Rename, reorder or deactivate a unit', tags: ['org'],
    access: { permission: 'org.unit.write', scope: { resource: 'units', op: 'update' } }, params: idParams, body: unitUpdate,
    handler: async ({ ctx, actor, params, body }) => unitService.update(ctx, actor, params.id, body),
  }),
];
