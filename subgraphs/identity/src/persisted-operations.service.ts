import { createHash } from 'node:crypto';
import { parse } from 'graphql';
import { actorLabel, badUserInput, emitDomainEvent, requireRole, uuidv7 } from '@ubos/kernel';
import type { IdentityContext } from './context.js';
import { PersistedOperationSchema, type PersistedOperationEntity } from './entities/persisted-operation.entity.js';

const MAX_OPERATIONS = 200;
const SHA256 = /^[0-9a-f]{64}$/;

export async function registerPersistedOperations(ctx: IdentityContext, operations: Array<{ query: string; name?: string | null }>): Promise<PersistedOperationEntity[]> {
  requireRole(ctx, ['OWNER', 'ADMIN'], 'Only owners and admins register operations');
  if (operations.length === 0 || operations.length > MAX_OPERATIONS) throw badUserInput(`operations must hold 1 to ${MAX_OPERATIONS} operations`, 'operations');
  const registered: PersistedOperationEntity[] = [];
  for (const [index, operation] of operations.entries()) {
    try {
      parse(operation.query);
    } catch {
      throw badUserInput('operations.' + index + '.query is not a valid GraphQL document', `operations.${index}.query`);
    }
    const sha256 = createHash('sha256').update(operation.query).digest('hex');
    const inserted = await ctx.em.execute<Array<{ id: string }>>(
      `insert into persisted_operations (organization_id, id, sha256, name, query, created_by) values (?, ?, ?, ?, ?, ?)
       on conflict (organization_id, sha256) do nothing returning id`,
      [ctx.organizationId(), uuidv7(), sha256, operation.name ?? null, operation.query, actorLabel(ctx.actor)],
    );
    // An operation registered before is no change, and announces nothing.
    for (const { id } of inserted) await emitDomainEvent(ctx, 'PersistedOperationRegistered', { type: 'PersistedOperation', id }, { sha256, name: operation.name ?? null });
    registered.push((await ctx.em.findOneOrFail(PersistedOperationSchema, { sha256 })) as PersistedOperationEntity);
  }
  return registered;
}

export async function listPersistedOperations(ctx: IdentityContext): Promise<PersistedOperationEntity[]> {
  requireRole(ctx, ['OWNER', 'ADMIN'], 'Only owners and admins list registered operations');
  return (await ctx.em.find(PersistedOperationSchema, {}, { orderBy: { id: 'ASC' } })) as PersistedOperationEntity[];
}

/** For the gateway, within the key's tenant: the registered operation with this hash. */
export async function persistedOperation(ctx: IdentityContext, sha256: string): Promise<PersistedOperationEntity | null> {
  if (!SHA256.test(sha256)) return null;
  return (await ctx.em.findOne(PersistedOperationSchema, { sha256 })) as PersistedOperationEntity | null;
}
