import * as revenue from '../revenue.service.js';
import type { VendorResolvers } from '../__generated__/resolvers-types.js';

export const Vendor: VendorResolvers = {
  bills: (vendor, args, ctx) => revenue.billsOfVendor(ctx, vendor.id, args),
  history: (vendor, args, ctx) => ctx.loaders.vendorHistory.versions(vendor.id, args),
};
