import type { Connection, EntityVersion, PricedLineItem, EntityReference } from '@ubos/kernel';
import type { BillPaymentEntity } from './entities/bill-payment.entity.js';
import type { BillEntity } from './entities/bill.entity.js';
import type { InvoiceEntity } from './entities/invoice.entity.js';
import type { PaymentEntity } from './entities/payment.entity.js';
import type { VendorEntity } from './entities/vendor.entity.js';

/** A Client as this subgraph knows it: only the key. crm resolves the rest through the gateway. */
export type ClientReference = EntityReference;

/** An Engagement as this subgraph knows it: only the key. The engagements subgraph resolves the rest. */
export type EngagementReference = EntityReference;

/** A stored priced line, with the currency of its invoice or bill. */
export type LineItemModel = PricedLineItem & { currency: string };

export interface RecordPaymentPayloadModel {
  payment: PaymentEntity;
  invoice: InvoiceEntity;
}

export interface RecordBillPaymentPayloadModel {
  payment: BillPaymentEntity;
  bill: BillEntity;
}

export type InvoiceConnectionModel = Connection<InvoiceEntity>;
export type VendorConnectionModel = Connection<VendorEntity>;
export type BillConnectionModel = Connection<BillEntity>;

export type InvoiceVersionModel = EntityVersion<InvoiceEntity>;
export type VendorVersionModel = EntityVersion<VendorEntity>;
export type BillVersionModel = EntityVersion<BillEntity>;
export type InvoiceVersionConnectionModel = Connection<InvoiceVersionModel>;
export type VendorVersionConnectionModel = Connection<VendorVersionModel>;
export type BillVersionConnectionModel = Connection<BillVersionModel>;

/** Money as the graph serves it. */
export const money = (amountMinor: number | string | bigint, currency: string) => ({ amountMinor: Number(amountMinor), currency });

/** The stored lines of an invoice or bill, each with the parent's currency. */
export const lineItemsOf = (parent: { lineItems: PricedLineItem[]; currency: string }): LineItemModel[] =>
  (parent.lineItems ?? []).map((item) => ({ ...item, currency: parent.currency }));
