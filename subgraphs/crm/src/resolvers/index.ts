import { jsonScalarResolvers, scalarResolvers } from '@ubos/kernel';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Client } from './Client.js';
import { ClientDuplicateSuggestion, ClientMerge } from './ClientMerge.js';
import { Contact } from './Contact.js';
import { CustomFieldDefinition } from './CustomFieldDefinition.js';
import { Deal } from './Deal.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';

export const resolvers: Resolvers = { ...scalarResolvers, ...jsonScalarResolvers, Query, Mutation, Client, Contact, Deal, CustomFieldDefinition, ClientMerge, ClientDuplicateSuggestion };
