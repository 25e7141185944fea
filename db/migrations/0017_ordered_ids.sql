-- Ids made by the database sort in the order they were made, within a millisecond too: the
-- 12 bits after the version carry the sub-millisecond part of the clock (RFC 9562, method 3),
-- so rows of one transaction (e.g. two outbox events) read back by id in their order.
CREATE OR REPLACE FUNCTION ubos_uuid_v7() RETURNS uuid
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  micros bigint := floor(extract(epoch FROM clock_timestamp()) * 1000000);
  fraction integer := ((micros % 1000) * 4096 / 1000)::integer;
  bytes bytea := uuid_send(gen_random_uuid());
BEGIN
  bytes := overlay(bytes PLACING substring(int8send(micros / 1000) FROM 3) FROM 1 FOR 6);
  bytes := set_byte(bytes, 6, 112 | (fraction >> 8));
  bytes := set_byte(bytes, 7, fraction & 255);
  RETURN encode(bytes, 'hex')::uuid;
END $$;
