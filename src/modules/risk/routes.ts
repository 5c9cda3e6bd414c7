import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors';
import { defineRoute, type RouteDef } from '../../platform/http/route';
import { readUpload } from '../../platform/http/upload';
import { uuid } from '../org/schema';
import { XLSX_TYPE } from '../../platform/excel/sheets';
import { buildTemplate } from './excelSheets';
import { hitService } from './hitService';
import { getBatch, listBatches, startImport } from './importService';
import { processService } from './processService';
import { hitClue, hitDismiss, hitListQuery, idParams, networkQuery, pageQuery, processListQuery } from './schema';
import { runScreening } from './screeningService';

const tags = ['risk'];
const importAccess = { permission: 'risk.import', scope: { resource: 'riskImports', op: 'import' } } as const;

/** The upload: the file plus `unitId` (and optional `screen`) fields. */
async function upload(req: FastifyRequest): Promise<{ buffer: Buffer; fileName: string; unitId: string | undefined; screen: boolean }> {
  const { buffer, fileName, fields } = await readUpload(req);
  // Processes whose buyer matches no unit go to this unit; the caller's own unit unless another is chosen.
  const unitId = fields.unitId ? uuid.safeParse(fields.unitId) : { success: true as const, data: undefined };
  if (!unitId.success) throw AppError.field('body.unitId', 'field.invalid');
  return { buffer, fileName, unitId: unitId.data, screen: fields.screen !== 'false' };
}

export const riskRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: '/api/v1/risk/imports/template.xlsx', summary: 'Excel template of the trading-centre export (开标记录/中标公示/合同/支付)', tags, access: importAccess,
    handler: async ({ reply }) => reply.header('content-type', XLSX_TYPE).header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="risk-import.xlsx"; filename*=UTF-8''${encodeURIComponent('招投标数据导入模板.xlsx')}`).send(await buildTemplate()),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/risk/imports', summary: 'Upload OCDS (package or JSON lines) or the Excel template; runs as a job (poll GET /imports/:id)', tags,
    access: importAccess, multipart: true, successStatus: 202,
    handler: async ({ ctx, actor, req }) => { const u = await upload(req); return startImport(ctx, actor, { ...u, unitId: u.unitId ?? actor.unitId }); },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/risk/imports', summary: 'Import batches (paged)', tags,
    access: { permission: 'risk.read', scope: { resource: 'riskImports', op: 'list' } }, query: pageQuery,
    handler: async ({ ctx, actor, query }) => listBatches(ctx.db, actor, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/risk/imports/:id', summary: 'One import batch with its progress and row errors', tags,
    access: { permission: 'risk.read', scope: { resource: 'riskImports', op: 'read' } }, params: idParams,
    handler: async ({ ctx, actor, params }) => getBatch(ctx.db, actor, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/risk/screening', summary: "Re-run the screening over the county's stored processes (keeps decided hits)", tags,
    access: { permission: 'risk.decide', scope: 'global' },
    handler: async ({ ctx, actor }) => runScreening(ctx, actor),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/risk/processes', summary: 'Procurement processes (paged, filters buyer/supplier/township/flagged)', tags,
    access: { permission: 'risk.read', scope: { resource: 'riskProcesses', op: 'list' } }, query: processListQuery,
    handler: async ({ ctx, actor, query }) => processService.list(ctx.db, actor, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/risk/processes/:id', summary: 'One process: tender, bids with identity, awards, contracts, payments, hits', tags,
    access: { permission: 'risk.read', scope: { resource: 'riskProcesses', op: 'read' } }, params: idParams,
    handler: async ({ ctx, actor, params }) => processService.view(ctx.db, actor, params.id),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/risk/network', summary: 'Bidder network (co-bidding and shared-identity edges) for a buyer and time window', tags,
    access: { permission: 'risk.read', scope: { resource: 'riskProcesses', op: 'list' } }, query: networkQuery,
    handler: async ({ ctx, actor, query }) => processService.network(ctx.db, actor, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/risk/hits', summary: 'Red-flag hits (paged, filters indicator/buyer/supplier/township/status) with counts per indicator', tags,
    access: { permission: 'risk.read', scope: { resource: 'riskHits', op: 'list' } }, query: hitListQuery,
    handler: async ({ ctx, actor, query }) => hitService.list(ctx.db, actor, query),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/risk/hits/:id', summary: 'One hit with its evidence and processes', tags,
    access: { permission: 'risk.read', scope: { resource: 'riskHits', op: 'read' } }, params: idParams,
    handler: async ({ ctx, actor, params }) => hitService.view(ctx.db, actor, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/risk/hits/:id/dismiss', summary: 'Dismiss a hit with a reason (audited)', tags,
    access: { permission: 'risk.decide', scope: { resource: 'riskHits', op: 'update' } }, params: idParams, body: hitDismiss,
    handler: async ({ ctx, actor, params, body }) => hitService.dismiss(ctx, actor, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/risk/hits/:id/clue', summary: 'Hand a hit over as a clue (cases module; needs cases.clue.write too)', tags,
    access: { permission: 'risk.decide', scope: { resource: 'riskHits', op: 'update' } }, params: idParams, body: hitClue, successStatus: 201,
    handler: async ({ ctx, actor, params, body }) => hitService.toClue(ctx, actor, params.id, body),
  }),
];
