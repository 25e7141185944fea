/** A Client as this subgraph knows it: only the key. crm resolves the rest through the gateway. */
export interface ClientReference {
  id: string;
}
