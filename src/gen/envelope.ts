import { hash } from 'node:crypto';

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

const PAD2 = Array.from({ length: 60 }, (_v, i) => String(i).padStart(2, '0'));
let cachedDay = Number.NaN;
let cachedDayText = '';

/** `YYYY-MM-DDT` of a day number, remembering the last one (lines arrive in time order). */
function dayText(day: number): string {
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDayText = new Date(day * 86_400_000).toISOString().slice(0, 11);
  }
  return cachedDayText;
}

/**
 * EVE `timestamp`: local time with microseconds and a numeric offset without colon
 * (`2023-10-01T11:31:07.412345-0500`) for an instant given in UTC microseconds.
 */
export function eveTimestamp(utcMicros: number, offsetMinutes = 0): string {
  const local = utcMicros + offsetMinutes * 60_000_000;
  const second = Math.floor(local / 1_000_000);
  const day = Math.floor(second / 86_400);
  const s = second - day * 86_400;
  const hms = `${PAD2[Math.floor(s / 3600)]}:${PAD2[Math.floor(s / 60) % 60]}:${PAD2[s % 60]}`;
  const micros = String(1_000_000 + local - second * 1_000_000).slice(1);
  return `${dayText(day)}${hms}.${micros}${offsetText(offsetMinutes)}`;
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
const tuple = Buffer.alloc(16);

/** Community ID v1 (seed 0) of an IPv4 flow, as Suricata writes it in `community_id`. */
export function communityId(f: Flow): string {
  tuple.fill(0);
  writeIpv4(f.srcIp, 2);
  writeIpv4(f.destIp, 6);
  // the lower endpoint (address, then port) goes first, so both directions of a flow hash alike
  const order = compareAddresses();
  const srcFirst = order < 0 || (order === 0 && f.srcPort <= f.destPort);
  if (!srcFirst) swapAddresses();
  tuple.writeUInt8(PROTO_NUMBER[f.proto], 10);
  tuple.writeUInt16BE(srcFirst ? f.srcPort : f.destPort, 12);
  tuple.writeUInt16BE(srcFirst ? f.destPort : f.srcPort, 14);
  return `1:${hash('sha1', tuple, 'base64')}`;
}

function writeIpv4(ip: string, at: number): void {
  let octet = 0;
  let i = at;
  for (let k = 0; k < ip.length; k++) {
    const ch = ip.charCodeAt(k);
    if (ch === 46) {
      tuple[i++] = octet;
      octet = 0;
    } else {
      octet = octet * 10 + ch - 48;
    }
  }
  tuple[i] = octet;
}

function swapAddresses(): void {
  for (let i = 2; i < 6; i++) {
    const t = tuple[i] as number;
    tuple[i] = tuple[i + 4] as number;
    tuple[i + 4] = t;
  }
}

/** Source address (bytes 2–5) against destination address (bytes 6–9). */
function compareAddresses(): number {
  for (let i = 2; i < 6; i++) {
    const d = (tuple[i] as number) - (tuple[i + 4] as number);
    if (d !== 0) return d;
  }
  return 0;
}
