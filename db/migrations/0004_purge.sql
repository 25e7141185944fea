-- Hard purge: the only way a tenant row is really deleted. It is an admin operation of the
-- graph, works only on rows that were soft-deleted first, is audited (the row trigger writes a
-- `purged` event with the row's last values) and keeps every audit event. The history of the
-- row goes with it.
CREATE FUNCTION ubos_purge(p_entity_type text, p_id uuid) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  tenant uuid := ubos_current_organization();
  tbl text := CASE p_entity_type
    WHEN 'Client' THEN 'clients' WHEN 'Contact' THEN 'contacts' WHEN 'Deal' THEN 'deals'
    WHEN 'Project' THEN 'projects' WHEN 'Task' THEN 'tasks' WHEN 'Milestone' THEN 'milestones'
  END;
  purged integer;
BEGIN
  IF tenant IS NULL THEN
    RAISE EXCEPTION 'no tenant set' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF tbl IS NULL THEN
    RAISE EXCEPTION 'entity type % cannot be purged', p_entity_type USING ERRCODE = 'invalid_parameter_value';
  END IF;
  EXECUTE format('DELETE FROM %I WHERE organization_id = $1 AND id = $2 AND deleted_at IS NOT NULL', tbl) USING tenant, p_id;
  GET DIAGNOSTICS purged = ROW_COUNT;
  IF purged > 0 THEN
    DELETE FROM entity_history WHERE organization_id = tenant AND entity_type = p_entity_type AND entity_id = p_id;
  END IF;
  RETURN purged > 0;
END $$;

REVOKE ALL ON FUNCTION ubos_purge(text, uuid) FROM PUBLIC;
