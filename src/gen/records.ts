import { communityId, envelope, type Flow } from './envelope.js';
import { type HttpTx, httpMember } from './http.js';
import type { Rng } from './random.js';

/** What every line builder gets: the seeded generator and the line's instant. */
export interface LineContext {
  readonly rng: Rng;
  /** UTC instant of the line, microseconds since the epoch. */
  readonly micros: number;
  /** The EVE `timestamp` text for `micros`. */
  readonly timestamp: string;
  /** 0-based line number. */
  readonly index: number;
  /** Microseconds since the first line (the sensor's uptime). */
  readonly elapsed: number;
}

export function clientIp(rng: Rng): string {
  return `10.${rng.range(2, 9)}.${rng.int(256)}.${rng.range(2, 254)}`;
}

export function ephemeralPort(rng: Rng): number {
  return rng.range(49_152, 65_535);
}

export function newFlow(
  rng: Rng,
  srcIp: string,
  destIp: string,
  destPort: number,
  proto: Flow['proto'],
): Flow {
  return { flowId: rng.bigInt(51), srcIp, srcPort: ephemeralPort(rng), destIp, destPort, proto };
}

/** An `event_type: http` record (Suricata 7). */
export function httpRecord(timestamp: string, flow: Flow, tx: HttpTx, txId: number): string {
  return (
    `${envelope(timestamp, 'http', flow)},"tx_id":${txId},"community_id":"${communityId(flow)}",` +
    `"app_proto":"http",${httpMember(tx)}}`
  );
}

export interface Signature {
  readonly id: number;
  readonly rev: number;
  readonly text: string;
  readonly category: string;
  readonly severity: number;
}

/** An `event_type: alert` record with the transaction's `http{}` metadata (Suricata 7). */
export function alertRecord(timestamp: string, flow: Flow, sig: Signature, tx: HttpTx, rng: Rng): string {
  const alert =
    `"alert":{"action":"allowed","gid":1,"signature_id":${sig.id},"rev":${sig.rev},"signature":"${sig.text}",` +
    `"category":"${sig.category}","severity":${sig.severity}}`;
  const flowMember =
    `"flow":{"pkts_toserver":${rng.range(3, 9)},"pkts_toclient":${rng.range(2, 8)},` +
    `"bytes_toserver":${rng.range(400, 4000)},"bytes_toclient":${rng.range(300, 9000)},"start":"${timestamp}",` +
    `"src_ip":"${flow.srcIp}","dest_ip":"${flow.destIp}","src_port":${flow.srcPort},"dest_port":${flow.destPort}}`;
  return (
    `${envelope(timestamp, 'alert', flow)},"pkt_src":"wire/pcap","community_id":"${communityId(flow)}",` +
    `"tx_id":0,${alert},${httpMember(tx)},"app_proto":"http","direction":"to_server",${flowMember}}`
  );
}

/** An `event_type: fileinfo` record: a file carried by an HTTP transaction (Suricata 7). */
export function fileinfoRecord(
  timestamp: string,
  flow: Flow,
  tx: HttpTx,
  filename: string,
  size: number,
): string {
  const fileinfo =
    `"fileinfo":{"filename":"${filename}","sid":[],"gaps":false,"state":"CLOSED","stored":false,` +
    `"size":${size},"tx_id":0}`;
  return (
    `${envelope(timestamp, 'fileinfo', flow)},"community_id":"${communityId(flow)}","app_proto":"http",` +
    `${httpMember(tx)},${fileinfo}}`
  );
}

/** Suricata 2.0 style: no flow id, interface or community id; `status` is a string; `/` escaped as `\/`. */
export function suricata2HttpRecord(timestamp: string, flow: Flow, tx: HttpTx): string {
  const line =
    `{"timestamp":"${timestamp}","event_type":"http","src_ip":"${flow.srcIp}","src_port":${flow.srcPort},` +
    `"dest_ip":"${flow.destIp}","dest_port":${flow.destPort},"proto":"${flow.proto}",${httpMember(tx)}}`;
  return escapeSlashes(line);
}

/** Suricata ≤ 5 wrote JSON through jansson, which escapes every `/` as `\/`. */
export function escapeSlashes(line: string): string {
  return line.replaceAll('/', '\\/');
}
