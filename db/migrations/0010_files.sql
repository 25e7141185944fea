-- Files: the records of file bodies kept in a store (the local disk or an S3 bucket). The row
-- is created PENDING with a presigned upload URL; completeUpload checks the stored size and
-- SHA-256 and marks it UPLOADED. The storage key is ours (<organization id>/<file id>), never
-- derived from the file's name; demo rows share the read-only demo bodies under demo/.
CREATE TABLE files (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  id              uuid NOT NULL DEFAULT ubos_uuid_v7(),
  client_id       uuid,
  project_id      uuid,
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 255 AND name !~ '[/\\[:cntrl:]]'),
  content_type    text NOT NULL CHECK (length(content_type) BETWEEN 3 AND 200),
  size            bigint NOT NULL CHECK (size > 0),
  -- Declared by the uploader (checked at completion), then the digest of the stored bytes.
  checksum_sha256 text CHECK (checksum_sha256 ~ '^[0-9a-f]{64}$'),
  storage_key     text NOT NULL,
  status          text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'UPLOADED')),
  uploaded_at     timestamptz,
  created_by      text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1,
  deleted_at      timestamptz,
  deleted_by      text,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, client_id) REFERENCES clients (organization_id, id),
  FOREIGN KEY (organization_id, project_id) REFERENCES projects (organization_id, id),
  CHECK (client_id IS NOT NULL OR project_id IS NOT NULL),
  CHECK ((status = 'UPLOADED') = (uploaded_at IS NOT NULL))
);
-- Hot lists: a client's files and a project's, newest first (the organization's list uses the primary key).
CREATE INDEX files_org_client_idx ON files (organization_id, client_id, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX files_org_project_idx ON files (organization_id, project_id, id DESC) WHERE project_id IS NOT NULL;

ALTER TABLE files ENABLE ROW LEVEL SECURITY;
ALTER TABLE files FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON files USING (organization_id = ubos_current_organization())
  WITH CHECK (organization_id = ubos_current_organization());

SELECT ubos_track('files', 'FileObject', 'client_id');
