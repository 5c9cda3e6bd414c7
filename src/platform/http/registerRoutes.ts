import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { requestLocale } from './errorHandler';
import { authorize, resolveSession } from './guard';
import type { RouteDef } from './route';
import { parseOrThrow } from './validation';

declare module 'fastify' {
  interface FastifyContextConfig { access?: RouteDef['access']; declared?: boolean }
}

/** Mount route definitions: authenticate → authorise → validate → handler → answer. */
export function registerRoutes(app: FastifyInstance, ctx: AppContext, defs: RouteDef[]): void {
  for (const def of defs) {
    if (!def.access) throw new Error(`Route ${def.method} ${def.url} declares no access`);
    app.route({
      method: def.method,
      url: def.url,
      config: {
        access: def.access,
        declared: true,
        ...(def.rateLimit ? { rateLimit: def.rateLimit } : {}),
      },
      handler: async (req, reply) => {
        const locale = requestLocale(req);
        const isPublic = 'public' in def.access;
        const auth = await resolveSession(ctx, req).catch((err) => {
          if (isPublic) return null;
          throw err;
        });
        authorize(def.access, auth);
        const params = parseOrThrow(def.params, req.params, 'params');
        const query = parseOrThrow(def.query, req.query ?? {}, 'query');
        const body = def.multipart ? undefined : parseOrThrow(def.body, def.body ? req.body ?? {} : undefined, 'body');
        if (!def.body && !def.multipart && req.body !== undefined && req.body !== null && Object.keys(req.body as object).length > 0) {
          throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'body', key: 'field.unknown' }] });
        }
        const result = await def.handler({ req, reply, ctx, locale, body, query, params, actor: auth?.user.actor ?? null } as never);
        if (reply.sent) return reply;
        if (result === undefined) return reply.status(def.successStatus ?? 204).send();
        return reply.status(def.successStatus ?? 200).send(result);
      },
    });
  }
}
