import { BlockList, isIP } from 'node:net';

/**
 * Where a webhook may go. A subscription URL names a receiver on the internet; loopback, link-local
 * (including cloud metadata at 169.254.169.254), private, shared, multicast and reserved ranges are refused
 * unless the configuration allows them (the local stack and the tests do), so a subscription cannot make the
 * platform probe its own network (server-side request forgery). The delivery checks the resolved address
 * again at connect time, because DNS can change after the subscription was accepted.
 */
const NON_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NON_PUBLIC.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
  ['64:ff9b::', 96],
] as const) {
  NON_PUBLIC.addSubnet(net, prefix, 'ipv6');
}

/** Whether an IP address is outside the public internet (IPv4-mapped IPv6 is checked as IPv4). */
export function isNonPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return NON_PUBLIC.check(mapped[1], 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return NON_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export interface TargetPolicy {
  /** Loopback and private ranges allowed (local stack, tests); never in production unless configured. */
  allowPrivateTargets: boolean;
}

/**
 * Checks a subscription URL before it is stored; the reason names what is wrong, for the 400's field error.
 * Host names are not resolved here (the delivery does, at connect time); names that are loopback by
 * definition (`localhost`, `*.localhost`) count as loopback.
 */
export function targetProblem(raw: string, policy: TargetPolicy): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute http(s) URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must use https (or http)';
  if (url.username || url.password) return 'must not carry credentials; the signature authenticates';
  if (url.hash) return 'must not have a fragment';
  if (raw.length > 2048) return 'must be at most 2048 characters';
  if (policy.allowPrivateTargets) return undefined;
  if (url.protocol !== 'https:') return 'must use https';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 ? isNonPublicAddress(host) : isLoopbackName(host)) {
    return 'must not point to a loopback, link-local or private address';
  }
  return undefined;
}

function isLoopbackName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || !name.includes('.');
}
