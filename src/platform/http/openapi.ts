import { z } from 'zod';
import type { RouteDef } from './route';

/** OpenAPI 3.1 generated from the same zod schemas that validate requests: one source of truth. */
export function buildOpenApi(routes: RouteDef[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [['path', r.params], ['query', r.query]] as const) {
      if (!schema) continue;
      const js = toJson(schema) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(js.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: s });
      }
    }
    const access = 'public' in r.access ? 'public' : `${r.access.permission}${typeof r.access.scope === 'object' ? ` · scope ${r.access.scope.resource}.${r.access.scope.op}` : ` · ${r.access.scope}`}`;
    paths[path] ??= {};
    paths[path][r.method.toLowerCase()] = {
      summary: r.summary,
      tags: r.tags,
      description: `Access: ${access}`,
      ...(parameters.length ? { parameters } : {}),
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: toJson(r.body) } } } } : {}),
      ...(r.multipart ? { requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } } } } : {}),
      responses: {
        [String(r.successStatus ?? 200)]: { description: 'OK' },
        '4XX': { description: 'Error: {code, message, issues[{field, message}]}' },
      },
      ...('public' in r.access ? { security: [] } : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: '廉鉴 Lianjian API', version },
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'lj_session' } } },
    security: [{ session: [] }],
    paths,
  };
}

function toJson(schema: z.ZodType): unknown {
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  } catch {
    return {};
  }
}
