-- A link between two rows that both belong to a client must stay within that client: an
-- engagement's projects are its client's projects, and an invoice bills an engagement of its
-- own client. As with an engagement's contract (0007), composite foreign keys that include
-- client_id say so, so that no write path can link across clients; the subgraphs map the
-- violation to NOT_FOUND, as for a missing row.

ALTER TABLE projects ADD CONSTRAINT projects_client_key UNIQUE (organization_id, client_id, id);
ALTER TABLE engagements ADD CONSTRAINT engagements_client_key UNIQUE (organization_id, client_id, id);

ALTER TABLE engagement_projects ADD COLUMN client_id uuid;
UPDATE engagement_projects ep SET client_id = e.client_id
  FROM engagements e WHERE e.organization_id = ep.organization_id AND e.id = ep.engagement_id;
ALTER TABLE engagement_projects ALTER COLUMN client_id SET NOT NULL;
-- ON UPDATE CASCADE: a client merge re-points the engagement and its links together.
ALTER TABLE engagement_projects
  ADD CONSTRAINT engagement_projects_engagement_client_fk FOREIGN KEY (organization_id, client_id, engagement_id)
    REFERENCES engagements (organization_id, client_id, id) ON UPDATE CASCADE,
  -- NOT VALID: links made before this rule are not re-checked; every new or changed link is.
  ADD CONSTRAINT engagement_projects_project_client_fk FOREIGN KEY (organization_id, client_id, project_id)
    REFERENCES projects (organization_id, client_id, id) ON UPDATE CASCADE NOT VALID;

-- MATCH SIMPLE: an invoice without an engagement (NULL) is not checked.
ALTER TABLE invoices
  ADD CONSTRAINT invoices_engagement_client_fk FOREIGN KEY (organization_id, client_id, engagement_id)
    REFERENCES engagements (organization_id, client_id, id) ON UPDATE CASCADE NOT VALID;
ALTER TABLE invoices DROP CONSTRAINT invoices_engagement_fk;
