import { readFile, rm, writeFile } from 'node:fs/promises';

/** How a running `vigil serve` is reached: written beside its store, readable by its user only. */
export interface Discovery {
  readonly pid: number;
  readonly port: number;
  readonly token: string;
}

export function discoveryPath(storePath: string): string {
  return `${storePath}.serve.json`;
}

/** Writes the file afresh (mode 0600 applies only to a new file); a leftover one is stale, as this process holds the store. */
export async function writeDiscovery(storePath: string, d: Discovery): Promise<void> {
  const path = discoveryPath(storePath);
  await rm(path, { force: true });
  await writeFile(path, `${JSON.stringify(d)}\n`, { mode: 0o600, flag: 'wx' });
}

export async function removeDiscovery(storePath: string): Promise<void> {
  await rm(discoveryPath(storePath), { force: true });
}

/** The running service holding the store, or undefined: no file, an unreadable one, or one whose process is gone. */
export async function readDiscovery(storePath: string): Promise<Discovery | undefined> {
  const text = await readFile(discoveryPath(storePath), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const d = parse(text);
  return d && alive(d.pid) ? d : undefined;
}

function parse(text: string): Discovery | undefined {
  try {
    const d = JSON.parse(text) as Partial<Discovery>;
    const ok = Number.isInteger(d.pid) && Number.isInteger(d.port) && typeof d.token === 'string';
    return ok ? (d as Discovery) : undefined;
  } catch {
    return undefined;
  }
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
