/**
 * Generated web requests rendered in each log format, for the per-format benchmark and tests. A request
 * is format-neutral; a renderer writes it the way that source logs it. Everything rendered is generated.
 */
export interface WebRequest {
  /** UTC instant, microseconds since the epoch. */
  readonly micros: number;
  readonly srcIp: string;
  readonly srcPort: number;
  readonly destIp: string;
  readonly destPort: number;
  /** The Host header; absent for HTTP/1.0 clients that send none. */
  readonly hostname?: string;
  readonly method: string;
  /** The request target as sent: path and optional `?query`. */
  readonly url: string;
  readonly protocol: string;
  readonly status: number;
  readonly userAgent?: string;
  readonly referrer?: string;
  readonly contentType?: string;
  /** Response body bytes. */
  readonly bytesOut: number;
  /** Request body bytes. */
  readonly bytesIn: number;
  /** Milliseconds the server took. */
  readonly durationMs: number;
  readonly user?: string;
}

/** How one format writes requests: header lines once at the start of a file, then one line each. */
export interface Renderer {
  /** The `--format` name this renderer writes. */
  readonly format: string;
  /** Lines a file starts with (Zeek `#fields`, IIS `#Fields`), given the first request's time. */
  readonly header: (firstMicros: number) => readonly string[];
  readonly line: (request: WebRequest) => string;
}
