import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowMapper, type EntityManager } from '@ubos/kernel';
import { startTestStack, type TestStack } from '@ubos/test-support/stack';

// Read-only pages map raw rows with the kernel's rowMapper instead of em.map (which manages
// every row in the unit of work). The graph must not be able to tell: for every entity of
// every subgraph, over the demo data, both give the same values of the same types.
let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
});
afterAll(() => t?.close());

describe('rowMapper', () => {
  it('maps every column of every entity exactly as em.map does', async () => {
    const organizationId = Object.values(t.tenants)[0]!.organizationId;
    const compared: string[] = [];
    for (const runtime of t.stack.runtimes) {
      await runtime.orm.em.fork().transactional(async (em: EntityManager) => {
        await em.execute("select set_config('app.organization_id', ?, true)", [organizationId]);
        for (const entity of runtime.definition.entities) {
          const meta = em.getMetadata().get(entity.meta.className);
          // Lazy columns (password and secret hashes) are not granted to the serving role.
          const columns = Object.values(meta.properties).filter((prop) => !prop.lazy && prop.fieldNames?.[0]).map((prop) => prop.fieldNames[0]);
          const rows = await em.execute<Array<Record<string, unknown>>>(`select ${columns.join(', ')} from ${meta.tableName} limit 200`);
          const toPlain = rowMapper(em, entity);
          for (const row of rows) {
            const plain = toPlain({ ...row }) as Record<string, unknown>;
            const managed = em.map(entity, { ...row } as any) as Record<string, unknown>;
            // Exactly the properties of the columns selected: a lazy column left out stays out.
            const selected = Object.values(meta.properties).filter((prop) => prop.fieldNames?.[0] && prop.fieldNames[0] in row).map((prop) => prop.name);
            expect(Object.keys(plain).sort(), meta.className).toEqual(selected.sort());
            for (const prop of Object.values(meta.properties)) {
              if (!prop.fieldNames?.[0] || !(prop.fieldNames[0] in row)) continue;
              const where = `${meta.className}.${prop.name}`;
              expect(typeof plain[prop.name], where).toBe(typeof managed[prop.name]);
              expect(plain[prop.name], where).toEqual(managed[prop.name]);
            }
          }
          if (rows.length > 0) compared.push(meta.className);
          em.clear();
        }
      });
    }
    // The demo data has rows of every main entity, so the comparison is not vacuous.
    expect(compared).toEqual(expect.arrayContaining(['Client', 'Contact', 'Deal', 'Project', 'Task', 'Milestone', 'Proposal', 'Contract', 'Engagement', 'Invoice', 'Payment', 'Thread', 'Message', 'FileObject', 'WorkflowRun', 'ActivityEvent', 'CustomFieldDefinition']));
  });
});
