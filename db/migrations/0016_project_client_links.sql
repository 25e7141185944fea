-- A thread or a file about a project is filed under that project's client. The services
-- check it when they derive or compare the client; these foreign keys make the database say
-- so too, as 0014 does for engagements and invoices. MATCH SIMPLE: without a project (or, for
-- a file, without a client) there is nothing to check. NOT VALID: rows written before are not
-- re-checked; every new or changed one is.
ALTER TABLE threads
  ADD CONSTRAINT threads_project_client_fk FOREIGN KEY (organization_id, client_id, project_id)
    REFERENCES projects (organization_id, client_id, id) ON UPDATE CASCADE NOT VALID;
ALTER TABLE files
  ADD CONSTRAINT files_project_client_fk FOREIGN KEY (organization_id, client_id, project_id)
    REFERENCES projects (organization_id, client_id, id) ON UPDATE CASCADE NOT VALID;
