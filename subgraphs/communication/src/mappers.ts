import type { Connection, EntityVersion, EntityReference } from '@ubos/kernel';
import type { MessageEntity } from './entities/message.entity.js';
import type { ThreadEntity } from './entities/thread.entity.js';

/** A Client as this subgraph knows it: only the key. crm resolves the rest through the gateway. */
export type ClientReference = EntityReference;

/** A Project by key; the projects subgraph resolves it. */
export type ProjectReference = EntityReference;

/** A User by key; the identity subgraph resolves it. */
export type UserReference = EntityReference;

export type ThreadConnectionModel = Connection<ThreadEntity>;
export type MessageConnectionModel = Connection<MessageEntity>;
export type ThreadVersionModel = EntityVersion<ThreadEntity>;
export type MessageVersionModel = EntityVersion<MessageEntity>;
export type ThreadVersionConnectionModel = Connection<ThreadVersionModel>;
export type MessageVersionConnectionModel = Connection<MessageVersionModel>;
