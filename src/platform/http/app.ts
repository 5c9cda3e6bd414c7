import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { allRoutes } from '../../modules';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { rootDir, version } from '../version';
import { errorHandler, renderError, requestLocale } from './errorHandler';
import { buildOpenApi } from './openapi';
import { registerRoutes } from './registerRoutes';
import { registerSecurityHeaders } from './securityHeaders';

export const webDir = path.join(rootDir, 'dist/web');

/** Receipts in public lookup URLs are replaced before anything is logged. */
export function maskSecrets(url: string): string {
  return url.replace(/(\/public\/reports\/)[^/?#]+/g, '$1***');
}

export interface MountedRoute { method: string; url: string; declared: boolean }
declare module 'fastify' {
  interface FastifyInstance { mountedRoutes: MountedRoute[] }
}

export async function buildApp(ctx: AppContext, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? {
      level: ctx.config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization'],
      // A reporter's receipt is a bearer secret: never write it to the log with the URL.
      serializers: { req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: maskSecrets(req.url), remoteAddress: req.ip }) },
    } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.LIANJIAN_TRUST_PROXY === '1',
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.setErrorHandler(errorHandler);
  // Every mounted route is recorded so a test can prove that none escaped the access declaration.
  const mounted: MountedRoute[] = [];
  app.decorate('mountedRoutes', mounted);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) mounted.push({ method: String(method), url: r.url, declared: r.config?.declared === true });
  });
  await app.register(cookie);
  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'], connectSrc: ["'self'"], fontSrc: ["'self'", 'data:'], objectSrc: ["'none'"], frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: ctx.config.secureCookies,
  });
  await app.register(rateLimit, { global: false, errorResponseBuilder: () => new AppError('RATE_LIMITED') });
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1 } });

  const routes = allRoutes();
  await app.register(swagger, { mode: 'static', specification: { document: buildOpenApi(routes, version) as never } });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerRoutes(app, ctx, [
    ...routes,
  ]);

  if (fs.existsSync(path.join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false, maxAge: '1h' });
  }
  app.setNotFoundHandler(async (req, reply) => {
    const url = req.url.split('?')[0];
    // Missing API paths and missing hashed assets are real 404s; only page paths fall back to the app shell.
    if (url.startsWith('/api/') || url.startsWith('/assets/') || req.method !== 'GET' || !fs.existsSync(path.join(webDir, 'index.html'))) {
      return reply.status(404).send(renderError(new AppError('NOT_FOUND', { params: { what: 'what.route' } }), requestLocale(req)));
    }
    // Client-side routes of the single-page app all load the same shell.
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}
