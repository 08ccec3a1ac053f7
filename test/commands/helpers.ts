import { expect } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import type { Row } from '../../src/core/value.js';
import type { CommandNode, Pipeline } from '../../src/spl/ast.js';
import type { ExecEnv } from '../../src/spl/command.js';
import { parseSpl } from '../../src/spl/parser.js';
import { lookupCommand } from '../../src/spl/registry.js';

const PREFIX = '| tstats count from datamodel=Web | ';

/** Parses commands written after a tstats; returns them and the diagnostics, spans relative to `spl`. */
export function parseAfterTstats(spl: string): { commands: CommandNode[]; diagnostics: Diagnostic[] } {
  const r = parseSpl(PREFIX + spl);
  const shift = (d: Diagnostic): Diagnostic =>
    d.span ? { ...d, span: { start: d.span.start - PREFIX.length, end: d.span.end - PREFIX.length } } : d;
  return { commands: r.pipeline.commands.slice(1), diagnostics: r.diagnostics.map(shift) };
}

/** The codes of the diagnostics `spl` produces. */
export function codes(spl: string): string[] {
  return parseAfterTstats(spl).diagnostics.map((d) => d.code);
}

async function runPipeline(commands: readonly CommandNode[], rows: Row[], env: ExecEnv): Promise<Row[]> {
  let out = rows;
  for (const node of commands) {
    const spec = lookupCommand(node.kind);
    if (!spec?.exec) throw new Error(`${node.kind} does not run over rows`);
    out = await spec.exec(node, out, env);
  }
  return out;
}

export function testEnv(extra: Partial<ExecEnv> = {}): ExecEnv {
  const env: ExecEnv = {
    now: 1_700_000_000,
    subpipeline: (p: Pipeline, rows: Row[]) => runPipeline(p.commands, rows, env),
    ...extra,
  };
  return env;
}

/** Parses `spl` (commands that run over rows), expects no diagnostics, and runs it over `rows`. */
export async function run(spl: string, rows: Row[], extra: Partial<ExecEnv> = {}): Promise<Row[]> {
  const { commands, diagnostics } = parseAfterTstats(spl);
  expect(diagnostics).toEqual([]);
  return runPipeline(commands, rows, testEnv(extra));
}
