import { defineRoute, type RouteDef } from '../../platform/http/route';
import { companyRepository } from './companyRepository';
import { companyService } from './companyService';
import { companyFilter, companyInput, companyUpdate, idParams } from './schema';

export const companyRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: '/api/v1/org/companies', summary: 'Search companies (paged; unitId includes its subunits)', tags: ['org'],
    access: { permission: 'org.company.read', scope: { resource: 'companies', op: 'list' } }, query: companyFilter,
    handler: async ({ ctx, actor, query }) => ({ ...(await companyRepository.list(ctx.db, actor, query)), page: query.page, pageSize: query.pageSize }),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/org/companies/:id', summary: 'One company', tags: ['org'],
    access: { permission: 'org.company.read', scope: { resource: 'companies', op: 'read' } }, params: idParams,
    handler: async ({ ctx, actor, params }) => companyService.read(ctx, actor, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/org/companies', summary: 'Add a company (a failing credit-code checksum needs overrideCheck)', tags: ['org'],
    access: { permission: 'org.company.write', scope: { resource: 'companies', op: 'create' } }, body: companyInput, successStatus: 201,
    handler: async ({ ctx, actor, body }) => companyService.create(ctx, actor, body),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/org/companies/:id', summary: 'Change a company', tags: ['org'],
    access: { permission: 'org.company.write', scope: { resource: 'companies', op: 'update' } }, params: idParams, body: companyUpdate,
    handler: async ({ ctx, actor, params, body }) => companyService.update(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/org/companies/:id', summary: 'Delete a company (the audit entry keeps its identity)', tags: ['org'],
    access: { permission: 'org.company.write', scope: { resource: 'companies', op: 'delete' } }, params: idParams,
    handler: async ({ ctx, actor, params }) => companyService.remove(ctx, actor, params.id),
  }),
];
