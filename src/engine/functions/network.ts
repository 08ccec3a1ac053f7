import { isIP } from 'node:net';
import type { EvalValue } from '../values.js';
import { toText, valuesOf } from '../values.js';
import { arg, type FunctionTable, fn } from './define.js';

/** An IPv4 or IPv6 address as a bigint and its bit width; null when the text is not an address. */
function parseIp(text: string): { value: bigint; bits: number } | null {
  const kind = isIP(text);
  if (kind === 4) {
    const value = text.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
    return { value, bits: 32 };
  }
  if (kind !== 6) return null;
  return { value: ipv6Value(text), bits: 128 };
}

function ipv6Value(text: string): bigint {
  let s = text;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const n = parseIp(v4[1] as string)?.value ?? 0n;
    s = `${s.slice(0, v4.index)}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head = '', tail] = s.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(Number.parseInt(g, 16)), 0n);
}

/** `cidrmatch(cidr, ip)`: whether any value of ip lies in the subnet; a bare address is a /32 or /128. */
function cidrmatch(cidr: EvalValue, ip: EvalValue): EvalValue {
  const c = toText(cidr);
  if (c === null) return null;
  const [addr = '', prefix] = c.split('/');
  const net = parseIp(addr);
  const len = prefix === undefined ? net?.bits : Number(prefix);
  if (!net || len === undefined || !Number.isInteger(len) || len < 0 || len > net.bits) return false;
  const shift = BigInt(net.bits - len);
  return valuesOf(ip).some((v) => {
    const a = parseIp(toText(v) as string);
    return !!a && a.bits === net.bits && a.value >> shift === net.value >> shift;
  });
}

/** `ipmask(mask, ip)`: the IPv4 address with the mask applied octet by octet. */
function ipmask(mask: EvalValue, ip: EvalValue): EvalValue {
  const m = toText(mask);
  const a = toText(ip);
  if (m === null || a === null || isIP(m) !== 4 || isIP(a) !== 4) return null;
  const ms = m.split('.').map(Number);
  return a
    .split('.')
    .map((o, i) => Number(o) & (ms[i] as number))
    .join('.');
}

/** Splunk's Search Reference, "Comparison and Conditional functions" (cidrmatch) and ipmask. */
export const NETWORK: FunctionTable = {
  cidrmatch: fn(2, 2, (args) => cidrmatch(arg(args, 0), arg(args, 1))),
  ipmask: fn(2, 2, (args) => ipmask(arg(args, 0), arg(args, 1))),
};
