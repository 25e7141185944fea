import type { Connection } from '@ubos/kernel';
import type { ClientEntity } from './entities/client.entity.js';
import type { ContactEntity } from './entities/contact.entity.js';
import type { DealEntity } from './entities/deal.entity.js';

export type ClientConnectionModel = Connection<ClientEntity>;
export type ContactConnectionModel = Connection<ContactEntity>;
export type DealConnectionModel = Connection<DealEntity>;
