import { createHash } from 'node:crypto';

/** The 5-tuple and identity every EVE record starts with. */
export interface Flow {
  readonly flowId: number;
  readonly srcIp: string;
  readonly srcPort: number;
  readonly destIp: string;
  readonly destPort: number;
  readonly proto: 'TCP' | 'UDP';
}

export const SENSOR_IFACE = 'ens5';

let cachedSecond = Number.NaN;
let cachedText = '';

/**
 * EVE `timestamp`: local time with microseconds and a numeric offset without colon
 * (`2023-10-01T11:31:07.412345-0500`) for an instant given in UTC microseconds.
 */
export function eveTimestamp(utcMicros: number, offsetMinutes = 0): string {
  const local = utcMicros + offsetMinutes * 60_000_000;
  const second = Math.floor(local / 1_000_000);
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedText = new Date(second * 1000).toISOString().slice(0, 19);
  }
  const micros = String(local - second * 1_000_000).padStart(6, '0');
  return `${cachedText}.${micros}${offsetText(offsetMinutes)}`;
}

function offsetText(minutes: number): string {
  if (minutes === 0) return '+0000';
  const abs = Math.abs(minutes);
  const hhmm = `${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
  return `${minutes < 0 ? '-' : '+'}${hhmm}`;
}

/**
 * The JSON prefix shared by flow-bound records, Suricata 7 field order, without the closing brace:
 * `{"timestamp":…,"flow_id":…,"in_iface":…,"event_type":…,"src_ip":…,…,"proto":…`.
 */
export function envelope(timestamp: string, eventType: string, f: Flow): string {
  return (
    `{"timestamp":"${timestamp}","flow_id":${f.flowId},"in_iface":"${SENSOR_IFACE}","event_type":"${eventType}",` +
    `"src_ip":"${f.srcIp}","src_port":${f.srcPort},"dest_ip":"${f.destIp}","dest_port":${f.destPort},` +
    `"proto":"${f.proto}"`
  );
}

const PROTO_NUMBER = { TCP: 6, UDP: 17 } as const;

/** Community ID v1 (seed 0) of an IPv4 flow, as Suricata writes it in `community_id`. */
export function communityId(f: Flow): string {
  const src = ipv4Bytes(f.srcIp);
  const dest = ipv4Bytes(f.destIp);
  const srcFirst = compareEndpoints(src, f.srcPort, dest, f.destPort) <= 0;
  const buf = Buffer.alloc(16);
  buf.writeUInt16BE(0, 0);
  buf.set(srcFirst ? src : dest, 2);
  buf.set(srcFirst ? dest : src, 6);
  buf.writeUInt8(PROTO_NUMBER[f.proto], 10);
  buf.writeUInt16BE(srcFirst ? f.srcPort : f.destPort, 12);
  buf.writeUInt16BE(srcFirst ? f.destPort : f.srcPort, 14);
  return `1:${createHash('sha1').update(buf).digest('base64')}`;
}

function ipv4Bytes(ip: string): Uint8Array {
  return Uint8Array.from(ip.split('.').map(Number));
}

function compareEndpoints(a: Uint8Array, aPort: number, b: Uint8Array, bPort: number): number {
  for (let i = 0; i < 4; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return aPort - bPort;
}
