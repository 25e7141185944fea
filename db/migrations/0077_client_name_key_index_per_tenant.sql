-- The trigram index of client names (0035) with the tenant first (issue 12). It held every
-- tenant's names in one GIN index without organization_id, so a tenant's probe for similar
-- names gathered the look-alikes of every tenant and dropped the others' rows one by one after
-- reading them: with the benchmark's ten tenants of the same generated names, each probe read
-- ten times the rows, and the bulk seed's duplicate candidates took 75-85 s for a tenant that
-- alone took 13 s. With organization_id in the index (btree_gin lets a GIN index hold the
-- uuid), the bitmap holds the tenant's own rows only. A probe still reads its matches in the
-- table's physical order, as before, so it finds the same 100 first matches and the pairs are
-- the same; only the other tenants' rows are no longer read. Same name, so that plans and
-- tests that name it are unchanged. btree_gin is a trusted contrib extension, like pg_trgm.
CREATE EXTENSION IF NOT EXISTS btree_gin;

DROP INDEX clients_name_key_trgm_idx;
CREATE INDEX clients_name_key_trgm_idx ON clients USING gin (organization_id, ubos_client_name_key(name) gin_trgm_ops)
  WITH (fastupdate = off) WHERE deleted_at IS NULL;
