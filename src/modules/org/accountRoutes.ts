import { defineRoute, type RouteDef } from '../../platform/http/route';
import { roleService } from './roleService';
import { idParams, passwordReset, roleInput, roleUpdate, userCreate, userFilter, userUpdate } from './schema';
import { userService } from './userService';

/**
 * Accounts are unit-owned (an administrator manages the accounts of their scope); roles and the permission
 * catalogue are global definitions, guarded instead by "grant only what you hold" (roleService.assertGrantable).
 */
export const accountRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: '/api/v1/system/users', summary: 'Accounts within the data scope (paged)', tags: ['system'],
    access: { permission: 'system.user.read', scope: { resource: 'users', op: 'list' } }, query: userFilter,
    handler: async ({ ctx, actor, query }) => userService.list(ctx.db, actor, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/system/users/:id', summary: 'One account', tags: ['system'],
    access: { permission: 'system.user.read', scope: { resource: 'users', op: 'read' } }, params: idParams,
    handler: async ({ ctx, actor, params }) => userService.read(ctx.db, actor, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/system/users', summary: 'Create an account (must change its password at first sign-in)', tags: ['system'],
    access: { permission: 'system.user.write', scope: { resource: 'users', op: 'create' } }, body: userCreate, successStatus: 201,
    handler: async ({ ctx, actor, body }) => userService.create(ctx, actor, body),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/system/users/:id', summary: 'Change name, unit, roles or active flag of an account', tags: ['system'],
    access: { permission: 'system.user.write', scope: { resource: 'users', op: 'update' } }, params: idParams, body: userUpdate,
    handler: async ({ ctx, actor, params, body }) => userService.update(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/system/users/:id/reset-password', summary: 'Set a temporary password (ends lockout and sessions)', tags: ['system'],
    access: { permission: 'system.user.write', scope: { resource: 'users', op: 'update' } }, params: idParams, body: passwordReset,
    handler: async ({ ctx, actor, params, body }) => userService.resetPassword(ctx, actor, params.id, body.password),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/system/users/:id/unlock', summary: 'End a sign-in lockout', tags: ['system'],
    access: { permission: 'system.user.write', scope: { resource: 'users', op: 'update' } }, params: idParams,
    handler: async ({ ctx, actor, params }) => userService.unlock(ctx, actor, params.id),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/system/roles', summary: 'All roles', tags: ['system'],
    access: { permission: 'system.role.read', scope: 'global' },
    handler: async ({ ctx }) => ({ items: await roleService.list(ctx.db) }),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/system/roles', summary: 'Create a role (only with permissions the caller holds)', tags: ['system'],
    access: { permission: 'system.role.write', scope: 'global' }, body: roleInput, successStatus: 201,
    handler: async ({ ctx, actor, body }) => roleService.create(ctx, actor, body),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/system/roles/:id', summary: 'Change a role\'s name, permissions, data scope or TOTP requirement', tags: ['system'],
    access: { permission: 'system.role.write', scope: 'global' }, params: idParams, body: roleUpdate,
    handler: async ({ ctx, actor, params, body }) => roleService.update(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/system/permissions', summary: 'The permission catalogue', tags: ['system'],
    access: { permission: 'system.role.read', scope: 'global' },
    handler: async () => ({ items: roleService.permissions() }),
  }),
];
