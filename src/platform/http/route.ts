import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Permission } from '../auth/permissions';
import type { AppContext } from '../context';
import type { Locale } from '../i18n/locale';
import type { Actor } from '../scope/actor';

/**
 * Every route declares who may call it. The declaration is data: the server enforces it, OpenAPI
 * documents it, and the scope-matrix test generates its cases from it. A route without one cannot be
 * registered (see `registerRoutes`), and a test walks the server's route table to prove none slipped by.
 */
export type ScopedOp = 'list' | 'read' | 'create' | 'update' | 'delete' | 'export' | 'import';

export type Access =
  /** Anyone, no session (health, login, public intake). */
  | { public: true; reason: string }
  /** Any signed-in user, acting on their own account only. */
  | { permission: 'authenticated'; scope: 'self' }
  /** A permission, plus how the route touches unit-scoped data. */
  | { permission: Permission; scope: { resource: string; op: ScopedOp } | 'global' };

export interface RouteContext<B, Q, P> {
  req: FastifyRequest;
  reply: FastifyReply;
  ctx: AppContext;
  locale: Locale;
  body: B;
  query: Q;
  params: P;
}

export interface AuthedRouteContext<B, Q, P> extends RouteContext<B, Q, P> { actor: Actor }

type Handler<B, Q, P, A extends Access> = (
  c: A extends { public: true } ? RouteContext<B, Q, P> & { actor: Actor | null } : AuthedRouteContext<B, Q, P>,
) => Promise<unknown>;

export interface RouteDef<
  B extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, P extends z.ZodType = z.ZodType, A extends Access = Access,
> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  summary: string;
  tags: string[];
  access: A;
  body?: B;
  query?: Q;
  params?: P;
  /** Multipart upload routes parse their own body (files); declared so OpenAPI can say so. */
  multipart?: boolean;
  /** Route-specific rate limit (per client address). */
  rateLimit?: { max: number; timeWindow: string };
  /** Response status on success when not 200. */
  successStatus?: number;
  handler: Handler<z.infer<B>, z.infer<Q>, z.infer<P>, A>;
}

/** Identity function that keeps full type inference for a route's schemas and handler. */
export function defineRoute<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType, A extends Access>(
  def: RouteDef<B, Q, P, A>,
): RouteDef {
  return def as unknown as RouteDef;
}
