// QuickBooks Online: the typed client, token sealing and webhook signatures, shared by the
// integrations subgraph (connect, disconnect) and the worker (sync). The stand-in server is
// exported separately as '@ubos/quickbooks/standin'.
export { QuickBooksClient, CompanyApi, QuickBooksError, type QuickBooksEntity, type QuickBooksErrorKind, type QuickBooksObject, type TokenSet } from './client.js';
export { integrationKey, keyFingerprint, quickBooksSettings, type QuickBooksSettings } from './config.js';
export { openSecret, sealSecret, verifyWebhookSignature, webhookSignature } from './crypto.js';
export { fromQuickBooksAmount, minorUnitDigits, toQuickBooksAmount } from './money.js';
