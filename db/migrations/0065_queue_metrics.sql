-- Queue depth and dead letters of the worker's pg-boss queue for /metrics (ARCHITECTURE 3.12).
-- The serving process exports the metrics, but its role has no business reading the queue's
-- jobs (their data names tenants and events). So it gets one narrow answer: per queue name,
-- how many jobs wait, run and failed for good, and the age of the oldest waiting one; no
-- job, no payload, no tenant.
--
-- The function belongs to ubos_queue_reader, a role nobody logs in as, whose only power is
-- reading those few columns of pgboss.queue and pgboss.job. The pgboss schema is installed
-- after the migrations (db/src/queue.ts, installQueue), which also grants the reader its
-- columns; until then, and in a database without the queue, the function answers no rows.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ubos_queue_reader') THEN
    CREATE ROLE ubos_queue_reader NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END $$;

-- plpgsql, not sql: its statement is planned at the first call, when pgboss exists.
CREATE FUNCTION ubos_queue_metrics()
RETURNS TABLE (queue text, waiting bigint, active bigint, failed bigint, oldest_waiting_seconds double precision)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'pgboss' AND c.relname IN ('job', 'queue')
    HAVING count(*) = 2
  ) THEN
    RETURN;
  END IF;
  -- States: created and retry wait (retry after a failed attempt, until its backoff passes),
  -- active runs, failed exhausted its attempts. Completed and cancelled jobs are not counted.
  RETURN QUERY
    SELECT q.name,
           count(j.name) FILTER (WHERE j.state::text IN ('created', 'retry')),
           count(j.name) FILTER (WHERE j.state::text = 'active'),
           count(j.name) FILTER (WHERE j.state::text = 'failed'),
           coalesce(extract(epoch FROM now() - min(j.created_on) FILTER (WHERE j.state::text IN ('created', 'retry')))::double precision, 0)
      FROM pgboss.queue q
      LEFT JOIN pgboss.job j ON j.name = q.name AND j.state::text IN ('created', 'retry', 'active', 'failed')
     GROUP BY q.name
     ORDER BY q.name;
END $$;
REVOKE ALL ON FUNCTION ubos_queue_metrics() FROM PUBLIC;
ALTER FUNCTION ubos_queue_metrics() OWNER TO ubos_queue_reader;
