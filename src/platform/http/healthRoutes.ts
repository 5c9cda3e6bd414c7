import { defineRoute, type RouteDef } from './route';
import { version } from '../version';
import { sql } from 'kysely';

export const healthRoutes: RouteDef[] = [
  defineRoute({
    method: 'GET', url: '/api/health', summary: 'Liveness and database engine', tags: ['system'],
    access: { public: true, reason: 'load balancer and installer checks' },
    handler: async ({ ctx }) => {
      await sql`select 1`.execute(ctx.db);
      return { status: 'ok', database: ctx.engine, version };
    },
  }),
];
