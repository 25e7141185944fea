import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { migrate, seedDemo } from '@ubos/db';
import { createTestDatabase, type TestDatabase } from '@ubos/test-support/database';
import { TEST_ORGANIZATIONS } from '@ubos/test-support/stack';

// Migration 0020 validates the same-client links that 0014 and 0016 added NOT VALID. A row
// older than those migrations may break the rule: the migration must then name every such row
// and change nothing, and succeed once the rows are corrected.
const MIGRATION = '0020_validate_same_client_links.sql';
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase(inject('ubosDatabase'));
  await seedDemo(db.adminUrl, TEST_ORGANIZATIONS);
});

const validated = async () =>
  (await db.admin<{ conname: string; convalidated: boolean }>(
    `select conname, convalidated from pg_constraint where conname in ('engagement_projects_project_client_fk', 'invoices_engagement_client_fk', 'threads_project_client_fk', 'files_project_client_fk') order by conname`,
  )).map((row) => [row.conname, row.convalidated]);

describe('migration 0020: same-client links validated', () => {
  it('has validated the four constraints on a database without offending rows', async () => {
    // 0035 (client merge) compares golden records across subgraphs: three of the four became
    // constraint triggers raising the same constraint name, and the invoice's a plain foreign key.
    expect(await validated()).toEqual([['invoices_engagement_client_fk', true]]);
    const triggers = await db.admin<{ tgname: string }>(
      `select tgname from pg_trigger where tgname in ('engagement_projects_project_same_client', 'files_project_same_client', 'invoices_engagement_same_client', 'threads_project_same_client') order by tgname`,
    );
    expect(triggers.map((row) => row.tgname)).toEqual(['engagement_projects_project_same_client', 'files_project_same_client', 'invoices_engagement_same_client', 'threads_project_same_client']);
  });

  it('names each offending row by table, id and tenant, changes nothing, and passes once it is corrected', async () => {
    // Back to the state before 0020, with a thread written before 0016 that points at another client's project.
    const [thread] = await db.admin<{ id: string; organization_id: string; client_id: string; project_id: string | null }>(
      `select t.id, t.organization_id, t.client_id, t.project_id from threads t where exists (
         select 1 from projects p where p.organization_id = t.organization_id and p.client_id <> t.client_id) order by t.id limit 1`,
    );
    const [foreign] = await db.admin<{ id: string }>('select id from projects where organization_id = $1 and client_id <> $2 order by id limit 1', [thread!.organization_id, thread!.client_id]);
    // 0035 replaced the cross-subgraph keys by constraint triggers; the state before 0020 had them, NOT VALID.
    await db.admin(`alter table engagement_projects add constraint engagement_projects_project_client_fk foreign key (organization_id, client_id, project_id)
                    references projects (organization_id, client_id, id) on update cascade not valid`);
    await db.admin(`alter table files add constraint files_project_client_fk foreign key (organization_id, client_id, project_id)
                    references projects (organization_id, client_id, id) on update cascade not valid`);
    await db.admin(`alter table threads add constraint threads_project_client_fk foreign key (organization_id, client_id, project_id)
                    references projects (organization_id, client_id, id) on update cascade not valid`);
    await db.admin('alter table threads disable trigger all');
    await db.admin('update threads set project_id = $1 where id = $2', [foreign!.id, thread!.id]);
    await db.admin('alter table threads enable trigger all');
    await db.admin('delete from schema_migrations where name = $1', [MIGRATION]);

    await expect(migrate(db.adminUrl)).rejects.toThrow(
      new RegExp(`Migration ${MIGRATION} failed: rows link a project or an engagement of another client[\\s\\S]*threads ${thread!.id} \\(organization ${thread!.organization_id}\\)`),
    );
    expect(await db.admin('select name from schema_migrations where name = $1', [MIGRATION])).toEqual([]);
    expect((await validated()).find(([name]) => name === 'threads_project_client_fk')).toEqual(['threads_project_client_fk', false]);

    await db.admin('alter table threads disable trigger all');
    await db.admin('update threads set project_id = $1 where id = $2', [thread!.project_id, thread!.id]);
    await db.admin('alter table threads enable trigger all');
    expect((await migrate(db.adminUrl)).applied).toEqual([MIGRATION]);
    expect((await validated()).every(([, valid]) => valid)).toBe(true);
  });
});
