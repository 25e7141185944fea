import type { GraphQLScalarType, GraphQLSchema } from 'graphql';
import { scalarResolvers } from '@ubos/kernel';

/**
 * The supergraph's custom scalars check their values at the gateway, with the same
 * implementations as the subgraphs (the kernel's). Without this they pass anything through,
 * and a bad value was refused only by the subgraph, after planning, as a field error with a
 * 200 and `data`. Now a bad literal fails validation and a bad variable fails coercion, both
 * before anything runs. Results are not touched: subgraphs have serialized them already.
 * Messages use the public name of the scalar (Date, not graphql-scalars' LocalDate).
 */
export function checkScalarValues(schema: GraphQLSchema): void {
  for (const [name, implementation] of Object.entries(scalarResolvers) as Array<[string, GraphQLScalarType]>) {
    const type = schema.getType(name) as GraphQLScalarType | undefined;
    if (!type || (type as { ubosChecked?: boolean }).ubosChecked) continue;
    const publicName = (error: unknown) => new Error(String((error as Error).message).replaceAll(implementation.name, name));
    type.parseValue = (value) => {
      try {
        return implementation.parseValue(value);
      } catch (error) {
        throw publicName(error);
      }
    };
    type.parseLiteral = (node, variables) => {
      try {
        return implementation.parseLiteral(node as never, variables);
      } catch (error) {
        throw publicName(error);
      }
    };
    (type as { ubosChecked?: boolean }).ubosChecked = true;
  }
}
