import { defineRoute, type RouteDef } from '../../platform/http/route';
import { readUpload } from '../../platform/http/upload';
import { XLSX_TYPE } from '../../platform/excel/sheets';
import { buildTemplate } from './excel';
import { expenseService } from './expenseService';
import { getImport, listImports, startImport, unitsInScope } from './importService';
import { expenseCreate, expenseListQuery, expenseUpdate, idParams, pageQuery, standardsUpdate, summaryQuery } from './schema';
import { runScreening } from './screeningService';
import { standardService } from './standardService';
import { spendingSummary } from './summaryService';

const tags = ['spending'];
const records = (op: 'list' | 'read' | 'create' | 'update' | 'delete') => ({ resource: 'spendingExpenses', op } as const);
const imports = (op: 'list' | 'read' | 'import') => ({ resource: 'spendingImports', op } as const);

export const spendingRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: '/api/v1/spending/expenses', summary: 'Expense records in the caller\'s scope, filtered by unit (subtree), category, date range, flagged only or text', tags,
    access: { permission: 'spending.read', scope: records('list') }, query: expenseListQuery,
    handler: async ({ ctx, actor, query }) => expenseService.list(ctx.db, actor, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/spending/expenses/:id', summary: 'One expense record with its red-flag hits', tags,
    access: { permission: 'spending.read', scope: records('read') }, params: idParams,
    handler: async ({ ctx, actor, params }) => expenseService.view(ctx.db, actor, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/spending/expenses', summary: 'Enter an expense record (the county is screened again in the same transaction)', tags,
    successStatus: 201, access: { permission: 'spending.write', scope: records('create') }, body: expenseCreate,
    handler: async ({ ctx, actor, body }) => expenseService.create(ctx, actor, body),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/spending/expenses/:id', summary: 'Correct an expense record (same checks as entry; screened again in the same transaction; the audit keeps the values before)', tags,
    access: { permission: 'spending.write', scope: records('update') }, params: idParams, body: expenseUpdate,
    handler: async ({ ctx, actor, params, body }) => expenseService.update(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/spending/expenses/:id', summary: 'Remove a record entered by mistake (refused once one of its hits was dismissed or handed over as a clue; its undecided hits go with it)', tags,
    successStatus: 204, access: { permission: 'spending.write', scope: records('delete') }, params: idParams,
    handler: async ({ ctx, actor, params }) => { await expenseService.remove(ctx, actor, params.id); },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/spending/imports/template.xlsx', summary: 'Excel template of expense records (支出记录), with the units of the caller\'s scope', tags,
    access: { permission: 'spending.write', scope: imports('import') },
    handler: async ({ ctx, actor, reply }) => {
      const units = await unitsInScope(ctx.db, actor);
      return reply.header('content-type', XLSX_TYPE).header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="spending-import.xlsx"; filename*=UTF-8''${encodeURIComponent('公务支出导入模板.xlsx')}`)
        .send(await buildTemplate(units.filter((u) => u.kind !== 'village').map((u) => ({ code: u.code, name: u.name }))));
    },
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/spending/imports', summary: 'Upload the Excel template filled in; runs as a job (poll GET /imports/:id); nothing is written when a row has a problem', tags,
    access: { permission: 'spending.write', scope: imports('import') }, multipart: true, successStatus: 202,
    handler: async ({ ctx, actor, req }) => startImport(ctx, actor, await readUpload(req)),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/spending/imports', summary: 'Expense imports (paged)', tags,
    access: { permission: 'spending.read', scope: imports('list') }, query: pageQuery,
    handler: async ({ ctx, actor, query }) => listImports(ctx.db, actor, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/spending/imports/:id', summary: 'One expense import with its progress and row errors', tags,
    access: { permission: 'spending.read', scope: imports('read') }, params: idParams,
    handler: async ({ ctx, actor, params }) => getImport(ctx.db, actor, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/spending/screening', summary: 'Re-run the spending screening over the county\'s records (decided hits keep their decision)', tags,
    access: { permission: 'spending.screen', scope: 'global' },
    handler: async ({ ctx, actor }) => runScreening(ctx, actor),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/spending/standards', summary: 'The county\'s spending standards with their basis (seeded with the reference figures on first read)', tags,
    access: { permission: 'spending.read', scope: 'global' },
    handler: async ({ ctx, actor }) => standardService.list(ctx.db, actor),
  }),
  defineRoute({
    method: 'PUT', url: '/api/v1/spending/standards', summary: 'Change spending standards (value or word list, and basis); audited with before and after', tags,
    access: { permission: 'spending.standards', scope: 'global' }, body: standardsUpdate,
    handler: async ({ ctx, actor, body }) => standardService.update(ctx, actor, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/spending/summary', summary: 'A year\'s records and over-standard records by category, by unit and by month, in the caller\'s scope', tags,
    access: { permission: 'spending.read', scope: records('list') }, query: summaryQuery,
    handler: async ({ ctx, actor, query }) => spendingSummary(ctx.db, actor, query.year),
  }),
];
