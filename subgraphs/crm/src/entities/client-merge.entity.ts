import { p, type InferEntity } from '@mikro-orm/core';
import { defineMainEntity } from '@ubos/kernel';

/** One merge of duplicates into a survivor (client_merges; db/migrations/0035_client_merge.sql). */
export const ClientMergeSchema = defineMainEntity('ClientMerge', 'client_merges', {
  /** The survivor. */
  clientId: p.uuid(),
  duplicateIds: p.array<string>(),
  fieldChoices: p.json<Array<Record<string, unknown>>>(),
  duplicateStatuses: p.json<Record<string, string>>(),
  survivorVersionBefore: p.integer(),
  survivorVersionAfter: p.integer(),
  status: p.text().$type<'APPLYING' | 'COMPLETED' | 'UNDOING' | 'UNDONE'>(),
  mergedBy: p.text(),
  requestId: p.text().nullable(),
  completedAt: p.datetime().nullable(),
  undoRequestedBy: p.text().nullable(),
  undoneAt: p.datetime().nullable(),
});

export type ClientMergeEntity = InferEntity<typeof ClientMergeSchema>;
