-- The same-client links of 0014 and 0016 were added NOT VALID, so rows older than those
-- migrations were never checked. Check them now: first look for offending rows and, if there
-- are any, stop with every one of them named (table, id, tenant) and nothing changed, so that
-- they can be corrected and the migration run again; otherwise validate the four constraints.
DO $$
DECLARE
  offenders text;
BEGIN
  SELECT string_agg(format('%s %s (organization %s)', kind, id, organization_id), E'\n  ' ORDER BY kind, organization_id, id)
    INTO offenders
  FROM (
    SELECT 'engagement_projects' AS kind, l.id, l.organization_id FROM engagement_projects l
     WHERE NOT EXISTS (SELECT 1 FROM projects p WHERE p.organization_id = l.organization_id AND p.client_id = l.client_id AND p.id = l.project_id)
    UNION ALL
    SELECT 'invoices', i.id, i.organization_id FROM invoices i
     WHERE i.engagement_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM engagements e WHERE e.organization_id = i.organization_id AND e.client_id = i.client_id AND e.id = i.engagement_id)
    UNION ALL
    SELECT 'threads', t.id, t.organization_id FROM threads t
     WHERE t.project_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM projects p WHERE p.organization_id = t.organization_id AND p.client_id = t.client_id AND p.id = t.project_id)
    UNION ALL
    SELECT 'files', f.id, f.organization_id FROM files f
     WHERE f.project_id IS NOT NULL AND f.client_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM projects p WHERE p.organization_id = f.organization_id AND p.client_id = f.client_id AND p.id = f.project_id)
  ) offending;
  IF offenders IS NOT NULL THEN
    RAISE EXCEPTION E'rows link a project or an engagement of another client; correct them (point them at a project or engagement of their own client, or clear the link) and migrate again:\n  %', offenders
      USING ERRCODE = 'foreign_key_violation';
  END IF;
END $$;

ALTER TABLE engagement_projects VALIDATE CONSTRAINT engagement_projects_project_client_fk;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_engagement_client_fk;
ALTER TABLE threads VALIDATE CONSTRAINT threads_project_client_fk;
ALTER TABLE files VALIDATE CONSTRAINT files_project_client_fk;
