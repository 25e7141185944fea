import { DateTimeResolver, JSONResolver, LocalDateResolver, SafeIntResolver } from 'graphql-scalars';

/** The scalars every subgraph declares in its SDL (ARCHITECTURE section 4). */
export const scalarResolvers = {
  DateTime: DateTimeResolver,
  Date: LocalDateResolver,
  SafeInt: SafeIntResolver,
};

/** For subgraphs that declare `scalar JSON` (custom fields, workflow payloads). Kept apart because a resolver for an undeclared scalar is an error. */
export const jsonScalarResolvers = { JSON: JSONResolver };
