import type { ParseArgsConfig } from 'node:util';

/** Where a command writes; tests pass their own. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  readonly stdin: NodeJS.ReadableStream;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  /** Returns the process exit code. */
  run(values: Record<string, unknown>, positionals: string[], io: CliIO): Promise<number>;
}

/** Thrown for bad flags; main prints it with the command's usage. */
export class UsageError extends Error {}

export function stringOpt(values: Record<string, unknown>, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

export function listOpt(values: Record<string, unknown>, name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : [];
}
