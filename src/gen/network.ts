import { communityId, envelope, eveTimestamp, type Flow } from './envelope.js';
import { DNS_NAMES, JA3_HASHES, TLS_SITES, WEB_SITES, WSFTP_SITE } from './pools.js';
import { clientIp, type LineContext, newFlow } from './records.js';

const RESOLVER = '10.0.0.53';

/** Names the generated traffic also connects to resolve to the address it connects to. */
const KNOWN_ADDRESSES = new Map([...WEB_SITES, ...TLS_SITES, WSFTP_SITE].map((s) => [s.hostname, s.ip]));

/** A DNS query or its answer (Suricata 7, dns v2). NXDOMAIN for names under .test outside corp.test. */
export function dnsLine(c: LineContext): string {
  const { rng } = c;
  const flow = newFlow(rng, clientIp(rng), RESOLVER, 53, 'UDP');
  const name = rng.chance(0.05) ? `${rng.hex(10)}.test` : rng.pick(DNS_NAMES);
  const id = rng.int(65_536);
  const head = `${envelope(c.timestamp, 'dns', flow)},"community_id":"${communityId(flow)}","app_proto":"dns"`;
  if (rng.chance(0.5)) {
    return `${head},"dns":{"type":"query","id":${id},"rrname":"${name}","rrtype":"A","tx_id":0,"opcode":0}}`;
  }
  const nx =
    !name.endsWith('.com') && !name.endsWith('.org') && !name.endsWith('.net') && !name.endsWith('corp.test');
  const common = `"version":2,"type":"answer","id":${id},"qr":true,"rd":true,"ra":true,"opcode":0,"rrname":"${name}","rrtype":"A"`;
  if (nx) return `${head},"dns":{${common.replace('"qr"', '"flags":"8183","qr"')},"rcode":"NXDOMAIN"}}`;
  const ip = KNOWN_ADDRESSES.get(name) ?? `198.51.100.${rng.range(100, 199)}`;
  const answer = `{"rrname":"${name}","rrtype":"A","ttl":${rng.range(30, 3600)},"rdata":"${ip}"}`;
  return (
    `${head},"dns":{${common.replace('"qr"', '"flags":"8180","qr"')},"rcode":"NOERROR",` +
    `"answers":[${answer}],"grouped":{"A":["${ip}"]}}}`
  );
}

/** A finished flow record; TCP flows carry a tcp{} summary. */
export function flowLine(c: LineContext): string {
  const { rng } = c;
  const tcp = rng.chance(0.75);
  const site = rng.pick(TLS_SITES);
  const flow: Flow = tcp
    ? newFlow(rng, clientIp(rng), site.ip, site.port, 'TCP')
    : newFlow(rng, clientIp(rng), RESOLVER, 53, 'UDP');
  const age = rng.int(120);
  const start = eveTimestamp(c.micros - age * 1_000_000 - rng.int(1_000_000));
  const stats =
    `"pkts_toserver":${rng.range(1, 40)},"pkts_toclient":${rng.range(0, 60)},"bytes_toserver":${rng.range(60, 40_000)},` +
    `"bytes_toclient":${rng.range(0, 900_000)},"start":"${start}","end":"${c.timestamp}","age":${age}`;
  const head = `${envelope(c.timestamp, 'flow', flow)},"app_proto":"${tcp ? 'tls' : 'dns'}"`;
  const state = tcp ? 'closed' : 'established';
  const flowMember = `"flow":{${stats},"state":"${state}","reason":"timeout","alerted":false}`;
  const tcpMember = tcp
    ? `,"tcp":{"tcp_flags":"1b","tcp_flags_ts":"1b","tcp_flags_tc":"1b","syn":true,"fin":true,"psh":true,"ack":true,"state":"closed"}`
    : '';
  return `${head},${flowMember},"community_id":"${communityId(flow)}"${tcpMember}}`;
}

/** A TLS handshake; certificate fields only for TLS 1.2, where the certificate is visible. */
export function tlsLine(c: LineContext): string {
  const { rng } = c;
  const site = rng.pick(TLS_SITES);
  const flow = newFlow(rng, clientIp(rng), site.ip, site.port, 'TCP');
  const v13 = rng.chance(0.7);
  const cert = v13
    ? ''
    : `"subject":"CN=${site.hostname}","issuerdn":"C=US, O=Example Trust Services, CN=Example TLS CA R3",` +
      `"serial":"${rng
        .hex(16)
        .toUpperCase()
        .replace(/(..)(?!$)/g, '$1:')}","fingerprint":"${rng.hex(40).replace(/(..)(?!$)/g, '$1:')}",`;
  const dates = v13 ? '' : ',"notbefore":"2023-07-01T00:00:00","notafter":"2024-06-30T23:59:59"';
  const tls = `"tls":{${cert}"sni":"${site.hostname}","version":"TLS 1.${v13 ? 3 : 2}"${dates},"ja3":{"hash":"${rng.pick(JA3_HASHES)}"}}`;
  return `${envelope(c.timestamp, 'tls', flow)},"community_id":"${communityId(flow)}","app_proto":"tls",${tls}}`;
}

/** Engine counters, growing with the line number so successive stats records stay monotonic. */
export function statsLine(c: LineContext): string {
  const n = c.index + 1;
  const pkts = n * 23;
  const stats =
    `"uptime":${Math.floor(c.elapsed / 1e6)},"capture":{"kernel_packets":${pkts},"kernel_drops":${Math.floor(n / 900)},"errors":0},` +
    `"decoder":{"pkts":${pkts},"bytes":${pkts * 712},"ipv4":${pkts},"ipv6":0,"ethernet":${pkts},"tcp":${n * 19},"udp":${n * 4},` +
    `"avg_pkt_size":712,"max_pkt_size":1514},"flow":{"tcp":${n},"udp":${Math.floor(n / 3)},"icmpv4":${Math.floor(n / 500)}},` +
    `"app_layer":{"flow":{"http":${Math.floor(n * 0.3)},"tls":${Math.floor(n * 0.2)},"dns_udp":${Math.floor(n * 0.4)}}}`;
  return `{"timestamp":"${c.timestamp}","event_type":"stats","stats":{${stats}}}`;
}
