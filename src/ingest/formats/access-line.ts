/**
 * Pieces of an access-log line shared by the NCSA (Apache/nginx) and nginx key=value readers: quoted
 * strings with backslash escapes, and the request line `METHOD target HTTP/x`.
 */

/** The end (index of the closing quote) of the quoted string opening at `open`, or -1 when it is not closed. */
export function quotedEnd(line: string, open: number): number {
  let at = line.indexOf('"', open + 1);
  while (at >= 0) {
    let backslashes = 0;
    while (line.charCodeAt(at - 1 - backslashes) === 92) backslashes++;
    // Apache writes a quote inside a field as \" (and a backslash as \\)
    if (backslashes % 2 === 0) return at;
    at = line.indexOf('"', at + 1);
  }
  return -1;
}

/** `-` and the empty string are how access logs write "no value". */
export function unlessBlank(text: string): string | undefined {
  return text === '-' || text === '' ? undefined : text;
}

export interface Request {
  readonly method: string | undefined;
  readonly uri: string | undefined;
  readonly uri_path: string | undefined;
  readonly uri_query: string | undefined;
  readonly version: string | undefined;
}

const NO_REQUEST: Request = {
  method: undefined,
  uri: undefined,
  uri_path: undefined,
  uri_query: undefined,
  version: undefined,
};

/** A method is a token of letters (WebDAV and scanners use any case), digits, `-` and `_`. */
function isMethod(text: string): boolean {
  if (text.length === 0 || text.length > 32) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (!letter && !(c >= 48 && c <= 57) && c !== 45 && c !== 95) return false;
  }
  return true;
}

/**
 * `METHOD target HTTP/x` (or `METHOD target`, HTTP/0.9) → its parts; the target may hold spaces when the
 * server logged it raw. Anything else (`-`, an empty request of a 400/408, TLS bytes or scanner noise)
 * leaves method and url unset: the line is still an event, as Splunk indexes it, with "unknown" there.
 */
export function parseRequest(text: string): Request {
  const firstSpace = text.indexOf(' ');
  if (firstSpace <= 0) return NO_REQUEST;
  const method = text.slice(0, firstSpace);
  if (!isMethod(method)) return NO_REQUEST;
  const lastSpace = text.lastIndexOf(' ');
  const tail = text.slice(lastSpace + 1);
  const versioned = lastSpace > firstSpace && tail.startsWith('HTTP/');
  const uri = versioned ? text.slice(firstSpace + 1, lastSpace) : text.slice(firstSpace + 1);
  if (uri === '' || (!versioned && lastSpace !== firstSpace)) return NO_REQUEST;
  const q = uri.indexOf('?');
  return {
    method,
    uri,
    uri_path: q < 0 ? uri : unlessBlank(uri.slice(0, q)),
    // like Splunk's uri extraction, the query is the text after "?"
    uri_query: q < 0 ? undefined : unlessBlank(uri.slice(q + 1)),
    version: versioned ? tail : undefined,
  };
}
