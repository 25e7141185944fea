import type { Connection, EntityVersion } from '@ubos/kernel';
import type { ClientEntity } from './entities/client.entity.js';
import type { ContactEntity } from './entities/contact.entity.js';
import type { DealEntity } from './entities/deal.entity.js';

export type ClientConnectionModel = Connection<ClientEntity>;
export type ContactConnectionModel = Connection<ContactEntity>;
export type DealConnectionModel = Connection<DealEntity>;

export type ClientVersionModel = EntityVersion<ClientEntity>;
export type ContactVersionModel = EntityVersion<ContactEntity>;
export type DealVersionModel = EntityVersion<DealEntity>;
export type ClientVersionConnectionModel = Connection<ClientVersionModel>;
export type ContactVersionConnectionModel = Connection<ContactVersionModel>;
export type DealVersionConnectionModel = Connection<DealVersionModel>;

/** A pair clientDuplicates found; the clients are loaded by id when asked for. */
export interface ClientDuplicateSuggestionModel {
  clientId: string;
  duplicateId: string;
  score: number;
  reasons: Array<'SIMILAR_NAME' | 'SAME_EMAIL_DOMAIN' | 'SAME_PHONE'>;
}
