-- Engagement.invoices pages an engagement's invoices by number, like a client's.
CREATE INDEX invoices_org_engagement_idx ON invoices (organization_id, engagement_id, number, id) WHERE engagement_id IS NOT NULL;
