import { Kind, parse, type DirectiveNode, type DocumentNode, type GraphQLSchema } from 'graphql';
import { graphqlOfApollo } from './graphql-cjs.js';

const { getNamedType, TypeInfo, visit, visitWithTypeInfo } = graphqlOfApollo;

const REQUIRES_SCOPES_LINK = /@link\(url: "https:\/\/specs\.apollo\.dev\/requiresScopes\/v0\.1", for: SECURITY\)/;

/**
 * @apollo/gateway refuses a supergraph with a security feature it does not enforce, and it
 * does not enforce @requiresScopes. The gateway gets the supergraph with that link's purpose
 * removed, and this module enforces the scopes itself, from the same supergraph.
 */
export function supergraphForGateway(supergraphSdl: string): string {
  return supergraphSdl.replace(REQUIRES_SCOPES_LINK, '@link(url: "https://specs.apollo.dev/requiresScopes/v0.1")');
}

/** Alternatives of scope sets: [["a", "b"], ["c"]] means (a and b) or c. */
type Requirement = string[][];

export interface ScopeMap {
  types: Map<string, Requirement[]>;
  fields: Map<string, Requirement[]>;
}

function requirementsOf(directives: readonly DirectiveNode[] | undefined): Requirement[] {
  const found: Requirement[] = [];
  for (const directive of directives ?? []) {
    if (directive.name.value !== 'requiresScopes') continue;
    const argument = directive.arguments?.find((arg) => arg.name.value === 'scopes');
    if (argument?.value.kind !== Kind.LIST) continue;
    found.push(
      argument.value.values.map((alternative) =>
        alternative.kind === Kind.LIST ? alternative.values.flatMap((scope) => (scope.kind === Kind.STRING ? [scope.value] : [])) : [],
      ),
    );
  }
  return found;
}

/** Reads every @requiresScopes of the supergraph, on types and on fields. */
export function buildScopeMap(supergraphSdl: string): ScopeMap {
  const map: ScopeMap = { types: new Map(), fields: new Map() };
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    const typeName = definition.name.value;
    const onType = requirementsOf(definition.directives);
    if (onType.length) map.types.set(typeName, [...(map.types.get(typeName) ?? []), ...onType]);
    for (const field of definition.fields ?? []) {
      const onField = requirementsOf(field.directives);
      if (onField.length) map.fields.set(`${typeName}.${field.name.value}`, onField);
    }
  }
  return map;
}

function satisfied(requirement: Requirement, granted: ReadonlySet<string>): boolean {
  return requirement.some((alternative) => alternative.every((scope) => granted.has(scope)));
}

/**
 * The first scope the operation needs and the key lacks, or undefined. A field needs what is
 * declared on it, on its parent type and on the type it returns.
 */
export function missingScope(schema: GraphQLSchema, document: DocumentNode, scopes: ScopeMap, granted: readonly string[]): string | undefined {
  const grantedSet = new Set(granted);
  const typeInfo = new TypeInfo(schema);
  let missing: string | undefined;
  const check = (requirements: Requirement[] | undefined) => {
    for (const requirement of requirements ?? []) {
      if (!satisfied(requirement, grantedSet)) {
        missing = requirement[0]?.find((scope) => !grantedSet.has(scope)) ?? requirement[0]?.[0] ?? 'unknown';
        return;
      }
    }
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (missing) return false;
        const parent = typeInfo.getParentType();
        const fieldType = typeInfo.getType();
        if (!parent || node.name.value.startsWith('__')) return undefined;
        check(scopes.fields.get(`${parent.name}.${node.name.value}`));
        if (!missing) check(scopes.types.get(parent.name));
        const returned = fieldType ? getNamedType(fieldType) : undefined;
        if (!missing && returned) check(scopes.types.get(returned.name));
        return undefined;
      },
    }),
  );
  return missing;
}
