import { accessTimeText, apacheEscape } from './apache-text.js';
import type { Renderer, WebRequest } from './types.js';

const quoted = (value: string | undefined) => `"${value === undefined ? '-' : apacheEscape(value)}"`;

/**
 * Apache's `vhost_combined` (`%v:%p %h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-Agent}i"`): the
 * combined format behind the virtual host, so the server's name survives as Web `dest`. `%v` is the
 * Host the client asked for, else the address it reached; `%b` is `-` for an empty body.
 */
export const apacheRenderer: Renderer = {
  format: 'access',
  header: () => [],
  line: (r: WebRequest) => {
    const vhost = `${r.hostname ?? r.destIp}:${r.destPort}`;
    const user = r.user === undefined || r.user === '' ? '-' : apacheEscape(r.user);
    const request = apacheEscape(`${r.method} ${r.url} ${r.protocol}`);
    const bytes = r.bytesOut === 0 ? '-' : String(r.bytesOut);
    const time = accessTimeText(r.micros);
    return `${vhost} ${r.srcIp} - ${user} [${time}] "${request}" ${r.status} ${bytes} ${quoted(r.referrer)} ${quoted(r.userAgent)}`;
  },
};
