import { jsonScalarResolvers, scalarResolvers } from '@ubos/kernel';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Bill } from './Bill.js';
import { BillPayment } from './BillPayment.js';
import { Client } from './Client.js';
import { Engagement } from './Engagement.js';
import { Invoice } from './Invoice.js';
import { LineItem } from './LineItem.js';
import { Mutation } from './Mutation.js';
import { Payment } from './Payment.js';
import { Query } from './Query.js';
import { Vendor } from './Vendor.js';

export const resolvers: Resolvers = {
  ...scalarResolvers,
  ...jsonScalarResolvers,
  Query,
  Mutation,
  Client,
  Engagement,
  Invoice,
  Payment,
  LineItem,
  Vendor,
  Bill,
  BillPayment,
};
