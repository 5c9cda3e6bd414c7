import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';

/**
 * The physical ceiling for the intake benchmark: a bare Fastify route that takes the same JSON bodies and does
 * one parameterised single-row INSERT into `bench_reports` (the table pgbench writes) on a pool of the size
 * the application uses. No validation, encryption, receipts, audit or rate limiting. Run as its own process
 * (like `serve`), it prints "listening" once ready. Usage: node --import tsx bench/intakeBare.ts URL PORT
 */
const [url, port] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: url, max: 10 });
const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
let n = 0;

app.post('/api/v1/public/reports', async (req, reply) => {
  const b = req.body as { kind: string; title: string; content: string; townshipCode?: string; accused?: { name?: string }; anonymous: boolean };
  const id = randomUUID();
  await pool.query(
    `insert into bench_reports (id, county_code, unit_id, serial, channel, kind, title, content, township_code, accused_name, identified, receipt_hash, matter_group, received_on, route_due)
     values ($1, '530125', $2, $3, 'online', $4, $5, $6, $7, $8, $9, $10, $1, current_date, current_date + 21)`,
    [id, id, `bare-${process.pid}-${++n}`, b.kind, b.title, b.content, b.townshipCode ?? null, b.accused?.name ?? null, !b.anonymous, randomUUID()],
  );
  return reply.status(201).send({ receipt: id });
});

await app.listen({ host: '127.0.0.1', port: Number(port) });
process.stdout.write('listening\n');
process.on('SIGTERM', () => { void app.close().then(() => pool.end()).then(() => process.exit(0)); });
