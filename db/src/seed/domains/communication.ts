import { createHash } from 'node:crypto';
import { uuidv7 } from '@ubos/kernel';
import type { SeedContext, SeededClient } from './context.js';

/** Clients that get threads: a few, so the seed stays small (tests seed it too). */
const CLIENTS_WITH_THREADS = 4;

const MAIN_THREAD_MESSAGES = [
  'Welcome aboard! This thread is where we keep everything about the account.',
  'Thanks, glad to be here. Who should we send invoices to?',
  'Our finance lead: see the contact list. The kickoff deck is in the files.',
];
const PROJECT_THREAD_MESSAGES = ['First drafts are ready for review.', 'Looks good; two small changes on the second page.'];

/** A deterministic instant: `days` after 2026-01-01, plus `minutes`, at millisecond precision. */
function at(seed: SeedContext, days: number, minutes: number): string {
  return new Date(Date.parse(`${seed.isoDate(days)}T09:00:00Z`) + minutes * 60_000).toISOString();
}

/**
 * A deterministic id from the seed key and the row's own time (not the seed's running order),
 * so it stays the same whatever the other domains or the client count seed before it, and ids
 * sort like the rows' times.
 */
function stableId(seed: SeedContext, key: string, at: string): string {
  return uuidv7(Date.parse(at), createHash('sha256').update(`${seed.slug}:${key}`).digest());
}

/** When the message at `index` of a thread opened on `days` was posted. */
const postedAt = (seed: SeedContext, days: number, index: number) => at(seed, days, 10 + index * 45);

/**
 * Demo data of the communication domain: each of the first clients gets its main thread
 * ("General") with a few messages from the owner, a member and the system; every other client
 * of those with a project gets a project thread too, and one of its messages is deleted.
 */
export async function seedCommunication(seed: SeedContext, clients: SeededClient[]): Promise<void> {
  const authors = Object.values(seed.userIds).map((userId) => `user:${userId}`);
  const projects = (
    await seed.client.query<{ id: string; client_id: string }>('select id, client_id from projects where organization_id = $1 order by id', [seed.organizationId])
  ).rows;
  for (const [clientIndex, client] of clients.slice(0, CLIENTS_WITH_THREADS).entries()) {
    const day = 20 + clientIndex * 3;
    const threads: Array<{ id: string; messages: string[] }> = [];
    await seed.insert('threads', {
      organization_id: seed.organizationId,
      id: stableId(seed, `thread:${clientIndex}:main`, at(seed, day, 0)),
      client_id: client.id,
      subject: 'General',
      is_main: true,
      created_by: authors[0] ?? 'system',
      last_message_at: postedAt(seed, day, MAIN_THREAD_MESSAGES.length - 1),
      last_activity_at: postedAt(seed, day, MAIN_THREAD_MESSAGES.length - 1),
      created_at: at(seed, day, 0),
      updated_at: at(seed, day, 0),
    });
    // The main thread is unique per client: take whichever one exists.
    const main = (await seed.client.query<{ id: string }>('select id from threads where organization_id = $1 and client_id = $2 and is_main', [seed.organizationId, client.id])).rows[0]!;
    threads.push({ id: main.id, messages: MAIN_THREAD_MESSAGES });
    const project = projects.find((candidate) => candidate.client_id === client.id);
    if (project && clientIndex % 2 === 0) {
      const id = stableId(seed, `thread:${clientIndex}:project`, at(seed, day + 1, 0));
      await seed.insert('threads', {
        organization_id: seed.organizationId,
        id,
        client_id: client.id,
        project_id: project.id,
        subject: 'Delivery and reviews',
        is_main: false,
        created_by: authors[0] ?? 'system',
        last_message_at: postedAt(seed, day + 1, PROJECT_THREAD_MESSAGES.length - 1),
        last_activity_at: postedAt(seed, day + 1, PROJECT_THREAD_MESSAGES.length - 1),
        created_at: at(seed, day + 1, 0),
        updated_at: at(seed, day + 1, 0),
      });
      threads.push({ id, messages: PROJECT_THREAD_MESSAGES });
    }
    for (const [threadIndex, thread] of threads.entries()) {
      for (const [messageIndex, body] of thread.messages.entries()) {
        const time = postedAt(seed, day + threadIndex, messageIndex);
        const author = messageIndex === 2 ? 'system' : (authors[messageIndex % Math.max(authors.length, 1)] ?? 'system');
        const deleted = threadIndex === 1 && messageIndex === 0 && clientIndex === 0;
        await seed.insert('messages', {
          organization_id: seed.organizationId,
          id: stableId(seed, `message:${clientIndex}:${threadIndex}:${messageIndex}`, time),
          thread_id: thread.id,
          client_id: client.id,
          body,
          author,
          created_at: time,
          updated_at: time,
          deleted_at: deleted ? time : null,
          deleted_by: deleted ? author : null,
        });
      }
    }
  }
}
