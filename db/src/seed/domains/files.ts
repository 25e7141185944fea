import { createHash } from 'node:crypto';
import { DEMO_FILES, uuidv7 } from '@ubos/kernel';
import type { SeedContext, SeededClient } from './context.js';

/** Clients that get files: a few, so the seed stays small (tests seed it too). */
const CLIENTS_WITH_FILES = 4;

/** A deterministic id from the seed key and the row's own time (see communication.ts). */
function stableId(seed: SeedContext, key: string, at: string): string {
  return uuidv7(Date.parse(at), createHash('sha256').update(`${seed.slug}:${key}`).digest());
}

/**
 * Demo data of the files domain. Each of the first clients gets the demo files as UPLOADED
 * objects (their real size and SHA-256; the stack writes the bodies into the store when it
 * starts, so they download), one of them attached to the client's first project, and the first
 * client a PENDING upload that never completed.
 */
export async function seedFiles(seed: SeedContext, clients: SeededClient[]): Promise<void> {
  const owner = Object.values(seed.userIds)[0];
  const createdBy = owner ? `user:${owner}` : 'system';
  const projects = (
    await seed.client.query<{ id: string; client_id: string }>('select id, client_id from projects where organization_id = $1 order by id', [seed.organizationId])
  ).rows;
  for (const [clientIndex, client] of clients.slice(0, CLIENTS_WITH_FILES).entries()) {
    const project = projects.find((candidate) => candidate.client_id === client.id);
    for (const [fileIndex, file] of DEMO_FILES.entries()) {
      const at = `${seed.isoDate(21 + clientIndex * 3 + fileIndex)}T11:00:00Z`;
      await seed.insert('files', {
        organization_id: seed.organizationId,
        id: stableId(seed, `file:${clientIndex}:${fileIndex}`, at),
        client_id: client.id,
        project_id: fileIndex === 1 && project ? project.id : null,
        name: file.name,
        content_type: file.contentType,
        size: file.size,
        checksum_sha256: file.sha256,
        storage_key: file.key,
        status: 'UPLOADED',
        uploaded_at: at,
        created_by: createdBy,
        created_at: at,
        updated_at: at,
      });
    }
    if (clientIndex === 0) {
      const at = `${seed.isoDate(30)}T11:00:00Z`;
      const id = stableId(seed, `file:${clientIndex}:pending`, at);
      await seed.insert('files', {
        organization_id: seed.organizationId,
        id,
        client_id: client.id,
        name: 'Signed contract.pdf',
        content_type: 'application/pdf',
        size: 48_213,
        storage_key: `${seed.organizationId}/${id}`,
        status: 'PENDING',
        created_by: createdBy,
        created_at: at,
        updated_at: at,
      });
    }
  }
}
