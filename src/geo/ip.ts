import { isIPv4, isIPv6 } from 'node:net';

/** An IP address as a number, with its family: 32 bits (v4) or 128 bits (v6). */
export interface IpAddress {
  readonly version: 4 | 6;
  readonly value: bigint;
}

/** Parses a dotted IPv4 or an IPv6 address (`::` and an embedded IPv4 tail allowed); null otherwise. */
export function parseIp(text: string): IpAddress | null {
  const s = text.trim();
  if (isIPv4(s)) return { version: 4, value: v4Value(s) };
  if (!isIPv6(s) || s.includes('%')) return null;
  return { version: 6, value: v6Value(s) };
}

function v4Value(s: string): bigint {
  return s.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function v6Value(s: string): bigint {
  let text = s;
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const v = v4Value(tail[1] as string);
    text = `${text.slice(0, tail.index)}${(v >> 16n).toString(16)}:${(v & 0xffffn).toString(16)}`;
  }
  const [head = '', rest] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = rest === undefined || rest === '' ? [] : rest.split(':');
  const zeros = Array<string>(8 - left.length - right.length).fill('0');
  const groups = rest === undefined ? left : [...left, ...zeros, ...right];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(Number.parseInt(g, 16)), 0n);
}

/** A CIDR block (`10.0.0.0/8`, `2001:db8::/32`) or a single address; null when malformed. */
export interface Cidr {
  readonly version: 4 | 6;
  readonly network: bigint;
  readonly bits: number;
}

export function parseCidr(text: string): Cidr | null {
  const [addr = '', prefix, extra] = text.trim().split('/');
  if (extra !== undefined) return null;
  const ip = parseIp(addr);
  if (!ip) return null;
  const width = ip.version === 4 ? 32 : 128;
  if (prefix !== undefined && !/^\d{1,3}$/.test(prefix)) return null;
  const bits = prefix === undefined ? width : Number(prefix);
  if (bits > width) return null;
  return { version: ip.version, network: ip.value >> BigInt(width - bits), bits };
}

/** Whether `ip` lies in `cidr`; an IPv4 address never lies in an IPv6 block, nor the reverse. */
export function cidrContains(cidr: Cidr, ip: IpAddress): boolean {
  if (cidr.version !== ip.version) return false;
  const width = ip.version === 4 ? 32 : 128;
  return ip.value >> BigInt(width - cidr.bits) === cidr.network;
}
