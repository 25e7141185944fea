import { DateTimeResolver, LocalDateResolver, SafeIntResolver } from 'graphql-scalars';

/** The scalars every subgraph declares in its SDL (ARCHITECTURE section 4). */
export const scalarResolvers = {
  DateTime: DateTimeResolver,
  Date: LocalDateResolver,
  SafeInt: SafeIntResolver,
};
