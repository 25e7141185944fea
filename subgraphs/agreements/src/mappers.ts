import type { Connection, EntityVersion, PricedLineItem, EntityReference } from '@ubos/kernel';
import type { ContractEntity } from './entities/contract.entity.js';
import type { ProposalEntity } from './entities/proposal.entity.js';

/** A Client as this subgraph knows it: only the key. crm resolves the rest through the gateway. */
export type ClientReference = EntityReference;

/** A stored priced line with its proposal's currency, which every Money of the line carries. */
export type LineItemModel = PricedLineItem & { currency: string };

export type ProposalConnectionModel = Connection<ProposalEntity>;
export type ContractConnectionModel = Connection<ContractEntity>;

export type ProposalVersionModel = EntityVersion<ProposalEntity>;
export type ContractVersionModel = EntityVersion<ContractEntity>;
export type ProposalVersionConnectionModel = Connection<ProposalVersionModel>;
export type ContractVersionConnectionModel = Connection<ContractVersionModel>;
