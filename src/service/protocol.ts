import { z } from 'zod';

/** What the CLI sends a running `vigil serve` (README: "The CLI while the service runs"). */

export const CLI_ROUTE = '/cli';

/** The commands that run inside the service against its open store; the others need the store to themselves. */
export const SERVED_COMMANDS = ['search', 'runs', 'status', 'detect', 'why'] as const;

/** A command with the flags the CLI already parsed, and the directory relative paths are taken from. */
export const CliRequest = z.object({
  command: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.boolean(), z.array(z.string())])),
  positionals: z.array(z.string()),
  cwd: z.string(),
});
export type CliRequest = z.infer<typeof CliRequest>;

/** Each `out`/`err` call of the command, in order, and its exit code. */
export const CliReply = z.object({
  code: z.number().int(),
  out: z.array(z.string()),
  err: z.array(z.string()),
});
export type CliReply = z.infer<typeof CliReply>;
