import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import PgBoss from 'pg-boss';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_QUEUE, INTEGRATION_QUEUE, QUEUE_METRICS_READER, QUEUE_SCHEMA, STEP_QUEUE } from '@ubos/db';
import { refreshDataQualityMetrics } from '@ubos/kernel';
import { startTestStack, type TestStack } from '@ubos/test-support/stack';
import { prepareWorkerDatabase } from '@ubos/test-support/worker';

// The worker queue's depth and dead letters at /metrics. The serving role reads them through
// ubos_queue_metrics() (migration 0065) and nothing else of pg-boss; /metrics is read with a
// real Prometheus text parser, with jobs waiting, running and failed for good.

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack({ config: { dataQualityIntervalSeconds: 0 } });
});
afterAll(async () => {
  await t?.close();
});

async function scrape(url: string, headers: Record<string, string> = {}): Promise<Map<string, any>> {
  const response = await fetch(`${url}/metrics`, { headers });
  expect(response.status).toBe(200);
  return new Map(parsePrometheusTextFormat(await response.text()).map((family: any) => [family.name, family]));
}
function series(families: Map<string, any>, name: string): Record<string, number> {
  const family = families.get(name);
  expect(family, name).toBeDefined();
  return Object.fromEntries(family.metrics.map((metric: any) => [metric.labels.queue, Number(metric.value)]));
}

async function asServingRole<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: t.db.appUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

describe('queue metrics', () => {
  it('has no queue series while the queue is not installed, rather than zeros', async () => {
    await refreshDataQualityMetrics();
    const families = await scrape(t.url);
    expect(families.get('ubos_queue_depth')?.metrics ?? []).toEqual([]);
    expect(families.get('ubos_queue_dead_letters')?.metrics ?? []).toEqual([]);
  });

  it('shows per queue the jobs waiting, running and failed for good, with bounded labels', async () => {
    await prepareWorkerDatabase(t.db.adminUrl);
    const boss = new PgBoss({ connectionString: t.db.adminUrl, schema: QUEUE_SCHEMA, supervise: false, schedule: false, migrate: false, max: 2 });
    boss.on('error', () => undefined);
    await boss.start();
    try {
      // A queue an operator made by hand: its jobs count under `other`, not under its own name.
      await boss.createQueue('hand-made-7f3a', { name: 'hand-made-7f3a', policy: 'standard' });
      await boss.send('hand-made-7f3a', {});
      for (let index = 0; index < 3; index++) await boss.send(EVENT_QUEUE, { index });
      await boss.send(STEP_QUEUE, { step: 1 });
      await boss.send(STEP_QUEUE, { step: 2 });
      // One step job taken by a worker and still running.
      const [running] = await boss.fetch(STEP_QUEUE, { batchSize: 1 });
      expect(running).toBeDefined();
      // Two integration jobs that fail their only attempt: dead letters.
      for (let index = 0; index < 2; index++) await boss.send(INTEGRATION_QUEUE, { index }, { retryLimit: 0 });
      const failing = await boss.fetch(INTEGRATION_QUEUE, { batchSize: 2 });
      expect(failing).toHaveLength(2);
      for (const job of failing) await boss.fail(INTEGRATION_QUEUE, job.id, { message: 'no route' });
      // A third one that failed once and waits for its retry: waiting, not dead.
      await boss.send(INTEGRATION_QUEUE, { retried: true }, { retryLimit: 3, retryDelay: 3600 });
      const [retried] = await boss.fetch(INTEGRATION_QUEUE, { batchSize: 1 });
      await boss.fail(INTEGRATION_QUEUE, retried!.id, { message: 'try later' });
      const [state] = await t.db.admin(`select state from ${QUEUE_SCHEMA}.job where id = $1`, [retried!.id]);
      expect(state.state).toBe('retry');
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }

    await refreshDataQualityMetrics();
    const families = await scrape(t.url);
    expect(series(families, 'ubos_queue_depth')).toEqual({ 'ubos-event': 3, 'ubos-step': 1, 'ubos-integration': 1, other: 1 });
    expect(series(families, 'ubos_queue_active_jobs')).toEqual({ 'ubos-event': 0, 'ubos-step': 1, 'ubos-integration': 0, other: 0 });
    expect(series(families, 'ubos_queue_dead_letters')).toEqual({ 'ubos-event': 0, 'ubos-step': 0, 'ubos-integration': 2, other: 0 });
    const oldest = series(families, 'ubos_queue_oldest_waiting_seconds');
    expect(oldest['ubos-event']).toBeGreaterThanOrEqual(0);
    expect(oldest['ubos-event']).toBeLessThan(3600);
    expect(families.get('ubos_queue_depth').type).toBe('GAUGE');
    // The label holds the product's queue names and `other`, never a name made at run time.
    for (const name of ['ubos_queue_depth', 'ubos_queue_active_jobs', 'ubos_queue_dead_letters', 'ubos_queue_oldest_waiting_seconds']) {
      expect(Object.keys(series(families, name)).sort()).toEqual(['other', 'ubos-event', 'ubos-integration', 'ubos-step']);
    }

    // A job that completes leaves the depth; the next read says so.
    const boss2 = new PgBoss({ connectionString: t.db.adminUrl, schema: QUEUE_SCHEMA, supervise: false, schedule: false, migrate: false, max: 1 });
    boss2.on('error', () => undefined);
    await boss2.start();
    try {
      const [job] = await boss2.fetch(EVENT_QUEUE, { batchSize: 1 });
      await boss2.complete(EVENT_QUEUE, job!.id);
    } finally {
      await boss2.stop({ graceful: false, wait: true });
    }
    await refreshDataQualityMetrics();
    expect(series(await scrape(t.url), 'ubos_queue_depth')['ubos-event']).toBe(2);
  });

  it('gives the serving role the counts and nothing of the jobs', async () => {
    await asServingRole(async (client) => {
      const { rows, fields } = await client.query('select * from ubos_queue_metrics()');
      expect(fields.map((field) => field.name)).toEqual(['queue', 'waiting', 'active', 'failed', 'oldest_waiting_seconds']);
      expect(rows.map((row) => row.queue).sort()).toEqual(['hand-made-7f3a', 'ubos-event', 'ubos-integration', 'ubos-step']);
      await expect(client.query(`select count(*) from ${QUEUE_SCHEMA}.job`)).rejects.toThrow(/permission denied/);
    });
    // The function's owner reads the columns it counts, not a job's data (which names tenants).
    const admin = new pg.Client({ connectionString: t.db.adminUrl });
    await admin.connect();
    try {
      await admin.query('begin');
      await admin.query(`set local role ${QUEUE_METRICS_READER}`);
      await expect(admin.query(`select data from ${QUEUE_SCHEMA}.job limit 1`)).rejects.toThrow(/permission denied/);
      await admin.query('rollback');
    } finally {
      await admin.end();
    }
  });
});

describe('/metrics of a subgraph served on its own', () => {
  it('wants the metrics token in production, as the gateway does', async () => {
    const crm = t.stack.runtimes.find((runtime) => runtime.name === 'crm')!;
    const token = 'metrics-token-for-the-test';
    const server: http.Server = await crm.listen(0, '127.0.0.1', { production: true, metricsToken: token });
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      expect((await fetch(`${url}/metrics`)).status).toBe(401);
      expect((await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer wrong-token-of-some-length' } })).status).toBe(401);
      const families = await scrape(url, { authorization: `Bearer ${token}` });
      expect(families.get('ubos_sql_statements_total').type).toBe('COUNTER');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
