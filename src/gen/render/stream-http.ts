import type { Renderer, WebRequest } from './types.js';

/** Generated requests as Splunk Stream `stream:http` events, one JSON object a line, keys as Stream writes them. */
export const streamHttpRenderer: Renderer = {
  format: 'stream-http',
  header: () => [],
  line: (request) => JSON.stringify(streamEvent(request)),
};

function streamEvent(r: WebRequest): Record<string, string | number | undefined> {
  const query = r.url.indexOf('?');
  const tookMicros = Math.round(r.durationMs * 1000);
  return {
    endtime: isoMicros(r.micros + tookMicros),
    timestamp: isoMicros(r.micros),
    bytes: r.bytesIn + r.bytesOut,
    bytes_in: r.bytesIn,
    bytes_out: r.bytesOut,
    dest_ip: r.destIp,
    dest_port: r.destPort,
    http_comment: `${r.protocol} ${r.status}`,
    http_content_type: r.contentType,
    http_method: r.method,
    http_referrer: r.referrer,
    http_user_agent: r.userAgent,
    protocol_stack: 'ip:tcp:http',
    site: r.hostname,
    src_ip: r.srcIp,
    src_port: r.srcPort,
    status: r.status,
    time_taken: tookMicros,
    transport: 'tcp',
    uri: r.url,
    uri_path: query < 0 ? r.url : r.url.slice(0, query),
    uri_query: query < 0 ? undefined : r.url.slice(query + 1),
  };
}

/** `YYYY-MM-DDTHH:MM:SS.ffffffZ`, Stream's time form. */
function isoMicros(micros: number): string {
  const whole = Math.floor(micros / 1000);
  const fraction = String(micros % 1_000_000).padStart(6, '0');
  return `${new Date(whole).toISOString().slice(0, 19)}.${fraction}Z`;
}
