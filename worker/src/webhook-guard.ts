import type { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { isIPv4, isIPv6 } from 'node:net';
import { StepError } from './graph.js';

/**
 * The SSRF guard of CALL_WEBHOOK steps. A webhook URL must be http(s) without credentials, and
 * every address its host resolves to must be public, unless UBOS_WEBHOOK_ALLOW_PRIVATE=1 (on-
 * premise installs, tests). The request then connects only to the addresses checked here
 * (`pinnedLookup`), so a DNS answer that changes between the check and the connection (DNS
 * rebinding) cannot reach anything else; redirects are never followed.
 */

/** Non-public IPv4 ranges (RFC 6890 and friends): [base, prefix length, what it is]. */
const IPV4_RANGES: ReadonlyArray<readonly [string, number, string]> = [
  ['0.0.0.0', 8, 'this network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay anycast'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

function ipv4Number(address: string): number {
  return address.split('.').reduce((value, part) => value * 256 + Number(part), 0);
}

const IPV4_PARSED = IPV4_RANGES.map(([base, prefix, label]) => ({ block: Math.floor(ipv4Number(base) / 2 ** (32 - prefix)), prefix, label }));

function ipv4Range(value: number): string | undefined {
  return IPV4_PARSED.find((range) => Math.floor(value / 2 ** (32 - range.prefix)) === range.block)?.label;
}

/** The eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 part included). */
function ipv6Groups(address: string): number[] {
  let text = address;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    const value = ipv4Number(tail);
    text = `${text.slice(0, lastColon + 1)}${Math.floor(value / 65536).toString(16)}:${(value % 65536).toString(16)}`;
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const parse = (part: string) => (part ? part.split(':').map((group) => parseInt(group, 16)) : []);
  if (rest === undefined) return parse(head);
  const first = parse(head);
  const last = parse(rest);
  return [...first, ...new Array<number>(8 - first.length - last.length).fill(0), ...last];
}

function ipv6Range(groups: number[]): string | undefined {
  const [g0, g1, g2, g3, g4, g5, g6, g7] = groups as [number, number, number, number, number, number, number, number];
  const embedded = g6 * 65536 + g7;
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0) {
    if (g5 === 0xffff) return ipv4Range(embedded); // ::ffff:a.b.c.d, IPv4-mapped
    if (g5 === 0) return embedded === 0 ? 'unspecified' : embedded === 1 ? 'loopback' : 'IPv4-compatible';
  }
  if (g0 === 0x64 && g1 === 0xff9b) return g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0 ? ipv4Range(embedded) : 'local-use NAT64';
  if ((g0 & 0xe000) !== 0x2000) {
    // Outside 2000::/3, the global unicast space.
    if ((g0 & 0xfe00) === 0xfc00) return 'unique-local';
    if ((g0 & 0xffc0) === 0xfe80) return 'link-local';
    if ((g0 & 0xffc0) === 0xfec0) return 'site-local';
    if ((g0 & 0xff00) === 0xff00) return 'multicast';
    return 'reserved';
  }
  if (g0 === 0x2001 && g1 < 0x200) return 'IETF protocol assignments';
  if (g0 === 0x2001 && g1 === 0xdb8) return 'documentation';
  if (g0 === 0x2002) return ipv4Range(g1 * 65536 + g2); // 6to4 carries an IPv4 address
  if (g0 === 0x3fff && g1 < 0x1000) return 'documentation';
  return undefined;
}

/**
 * What non-public range an IP address is in ("loopback", "private", "link-local",
 * "unique-local", …), or undefined for a public address. IPv4-mapped (::ffff:10.0.0.1), NAT64
 * and 6to4 addresses are judged by the IPv4 address they carry; anything that is not an IP
 * address is refused.
 */
export function nonPublicRange(address: string): string | undefined {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIPv4(bare)) return ipv4Range(ipv4Number(bare));
  if (isIPv6(bare)) return ipv6Range(ipv6Groups(bare));
  return 'not an IP address';
}

/** A `lookup` for node:net that answers only the addresses already checked, whatever the DNS says now. */
export function pinnedLookup(addresses: readonly LookupAddress[]) {
  return (_hostname: string, options: { family?: number | string; all?: boolean }, callback: (error: Error | null, address?: string | LookupAddress[], family?: number) => void): void => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : Number(options.family) || 0;
    const usable = family ? addresses.filter((address) => address.family === family) : [...addresses];
    process.nextTick(() => {
      if (usable.length === 0) callback(Object.assign(new Error(`no checked IPv${family} address`), { code: 'ENOTFOUND' }));
      else if (options.all) callback(null, usable);
      else callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
}

export interface WebhookTarget {
  url: URL;
  /** Every address the host resolved to, all checked: the request connects to these only. */
  addresses: LookupAddress[];
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(new Error('the DNS lookup timed out'));
    signal.addEventListener('abort', () => reject(new Error('the DNS lookup timed out')), { once: true });
  });
}

/**
 * Checks a webhook URL and resolves its host. Refusals (scheme, credentials, a non-public
 * address without the flag) are permanent StepErrors: retrying cannot change them. A DNS
 * failure is not permanent.
 */
export async function resolveWebhookTarget(raw: string, options: { allowPrivate: boolean; signal: AbortSignal }): Promise<WebhookTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new StepError('The webhook URL is not a URL', true);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new StepError(`The webhook URL must be http(s), not ${url.protocol}`, true);
  if (url.username || url.password) throw new StepError('The webhook URL must not hold credentials (calls are signed with the step\'s secret)', true);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: LookupAddress[];
  try {
    addresses = await Promise.race([lookup(host, { all: true, verbatim: true }), rejectOnAbort(options.signal)]);
  } catch (error) {
    throw new StepError(`The webhook's host ${host} did not resolve: ${(error as Error).message}`, false);
  }
  if (addresses.length === 0) throw new StepError(`The webhook's host ${host} resolved to no address`, false);
  if (!options.allowPrivate) {
    for (const { address } of addresses) {
      const range = nonPublicRange(address);
      if (range) throw new StepError(`The webhook URL resolves to a private address (${address}, ${range}); set UBOS_WEBHOOK_ALLOW_PRIVATE=1 to allow it`, true);
    }
  }
  return { url, addresses };
}
