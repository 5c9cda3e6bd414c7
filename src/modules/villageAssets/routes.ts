import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors';
import { defineRoute, type RouteDef } from '../../platform/http/route';
import { readUpload } from '../../platform/http/upload';
import { XLSX_TYPE } from '../../platform/excel/sheets';
import { uuid } from '../org/schema';
import { villageAssetsHitCodes } from './hitCodes';
import { getBatch, startImport } from './importService';
import { ledgerService } from './ledgerService';
import { contractCreate, disposalCreate, entryCreate, idParams, ledgerQuery, summaryQuery, thresholdsBody } from './schema';
import { screenCounty } from './screeningService';
import { loadThresholds, saveThresholds, thresholdBasis } from './settings';
import { buildTemplate } from './sheets';
import { summaryService } from './summaryService';

const tags = ['villageAssets'];
const base = '/api/v1/village-assets';

/** The upload: the file plus the `villageId` field. */
async function upload(req: FastifyRequest): Promise<{ buffer: Buffer; fileName: string; villageId: string }> {
  const { buffer, fileName, fields } = await readUpload(req);
  const villageId = uuid.safeParse(fields.villageId);
  if (!villageId.success) throw AppError.field('body.villageId', fields.villageId ? 'field.invalid' : 'field.required');
  return { buffer, fileName, villageId: villageId.data };
}

export const villageAssetsRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: `${base}/villages`, summary: 'Townships and their villages in the caller\'s scope (the ledger page\'s pickers)', tags,
    access: { permission: 'villageAssets.read', scope: { resource: 'villageUnits', op: 'list' } },
    handler: async ({ ctx, actor }) => ledgerService.villages(ctx.db, actor),
  }),
  defineRoute({
    method: 'GET', url: `${base}/entries`, summary: 'A village\'s fund ledger (资金收支), paged; `ids` limits it to the rows a hit names', tags,
    access: { permission: 'villageAssets.read', scope: { resource: 'villageFundEntries', op: 'list' } }, query: ledgerQuery,
    handler: async ({ ctx, actor, query }) => ledgerService.entries(ctx.db, actor, query),
  }),
  defineRoute({
    method: 'POST', url: `${base}/entries`, summary: 'Record one fund row of a village (form entry); the county is screened again', tags, successStatus: 201,
    access: { permission: 'villageAssets.write', scope: { resource: 'villageFundEntries', op: 'create' } }, body: entryCreate,
    handler: async ({ ctx, actor, body }) => ledgerService.createEntry(ctx, actor, body),
  }),
  defineRoute({
    method: 'GET', url: `${base}/contracts`, summary: 'A village\'s resource and asset contracts (发包/租赁), paged', tags,
    access: { permission: 'villageAssets.read', scope: { resource: 'villageContracts', op: 'list' } }, query: ledgerQuery,
    handler: async ({ ctx, actor, query }) => ledgerService.contracts(ctx.db, actor, query),
  }),
  defineRoute({
    method: 'POST', url: `${base}/contracts`, summary: 'Record one contract of a village (form entry; the import\'s rules, the number unique in the village); the county is screened again', tags,
    successStatus: 201, access: { permission: 'villageAssets.write', scope: { resource: 'villageContracts', op: 'create' } }, body: contractCreate,
    handler: async ({ ctx, actor, body }) => ledgerService.createContract(ctx, actor, body),
  }),
  defineRoute({
    method: 'GET', url: `${base}/disposals`, summary: 'A village\'s asset disposals, paged', tags,
    access: { permission: 'villageAssets.read', scope: { resource: 'villageDisposals', op: 'list' } }, query: ledgerQuery,
    handler: async ({ ctx, actor, query }) => ledgerService.disposals(ctx.db, actor, query),
  }),
  defineRoute({
    method: 'POST', url: `${base}/disposals`, summary: 'Record one asset disposal of a village (form entry; the import\'s rules); the county is screened again', tags,
    successStatus: 201, access: { permission: 'villageAssets.write', scope: { resource: 'villageDisposals', op: 'create' } }, body: disposalCreate,
    handler: async ({ ctx, actor, body }) => ledgerService.createDisposal(ctx, actor, body),
  }),
  defineRoute({
    method: 'GET', url: `${base}/imports/template.xlsx`, summary: 'Excel template of a village ledger (资金收支/合同/资产处置)', tags,
    access: { permission: 'villageAssets.write', scope: 'global' },
    handler: async ({ reply }) => reply.header('content-type', XLSX_TYPE).header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="village-ledger.xlsx"; filename*=UTF-8''${encodeURIComponent('村集体三资台账导入模板.xlsx')}`).send(await buildTemplate()),
  }),
  defineRoute({
    method: 'POST', url: `${base}/imports`, summary: 'Upload a village ledger workbook (file + villageId); runs as a job (poll GET /imports/:id), then screens', tags,
    access: { permission: 'villageAssets.write', scope: { resource: 'villageImports', op: 'import' } }, multipart: true, successStatus: 202,
    handler: async ({ ctx, actor, req }) => startImport(ctx, actor, await upload(req)),
  }),
  defineRoute({
    method: 'GET', url: `${base}/imports/:id`, summary: 'One import with its progress and row errors', tags,
    access: { permission: 'villageAssets.read', scope: { resource: 'villageImports', op: 'read' } }, params: idParams,
    handler: async ({ ctx, actor, params }) => getBatch(ctx.db, actor, params.id),
  }),
  defineRoute({
    method: 'POST', url: `${base}/screening`, summary: 'Screen the county\'s village ledgers again (undecided hits replaced, decided ones kept)', tags,
    access: { permission: 'villageAssets.screen', scope: 'global' },
    handler: async ({ ctx, actor }) => screenCounty(ctx, actor),
  }),
  defineRoute({
    method: 'GET', url: `${base}/summary`, summary: 'A year\'s anomalies by township and rule, and the cash share of payments per village, in the caller\'s scope', tags,
    access: { permission: 'villageAssets.read', scope: { resource: 'villageSummary', op: 'list' } }, query: summaryQuery,
    handler: async ({ ctx, actor, query }) => summaryService.summary(ctx.db, actor, query.year),
  }),
  defineRoute({
    method: 'GET', url: `${base}/thresholds`, summary: 'The county\'s thresholds of the anomaly rules, their basis and the rule names', tags,
    access: { permission: 'villageAssets.read', scope: 'global' },
    handler: async ({ ctx, actor }) => ({ thresholds: await loadThresholds(ctx.db, actor.countyCode), basis: thresholdBasis, codes: villageAssetsHitCodes }),
  }),
  defineRoute({
    method: 'PUT', url: `${base}/thresholds`, summary: 'Set the county\'s thresholds (audited); takes effect at the next screening', tags,
    access: { permission: 'villageAssets.screen', scope: 'global' }, body: thresholdsBody,
    handler: async ({ ctx, actor, body }) => ({ thresholds: await saveThresholds(ctx, actor, body), basis: thresholdBasis, codes: villageAssetsHitCodes }),
  }),
];
