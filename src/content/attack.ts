import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { dataDir } from '../core/paths.js';

const AttackFile = z.object({
  tactics: z.array(z.object({ id: z.string(), name: z.string(), shortname: z.string() })),
  killchain: z.record(z.string(), z.string()),
  techniques: z.record(z.string(), z.object({ name: z.string(), tactics: z.array(z.string()) })),
});

export interface Tactic {
  readonly id: string;
  readonly name: string;
  readonly shortname: string;
}

/** MITRE ATT&CK Enterprise facts vigil needs for annotations (`data/attack.json`, see scripts/attack-import.ts). */
export interface AttackData {
  readonly tactics: readonly Tactic[];
  /** tactic shortname → Lockheed Martin kill chain phase, as contentctl maps it. */
  readonly killchain: Readonly<Record<string, string>>;
  readonly techniques: Readonly<
    Record<string, { readonly name: string; readonly tactics: readonly string[] }>
  >;
}

let bundled: AttackData | undefined;

/** The ATT&CK table shipped in `data/attack.json`, read once. */
export function attackData(): AttackData {
  bundled ??= parseAttack(readFileSync(join(dataDir(), 'attack.json'), 'utf8'));
  return bundled;
}

export function parseAttack(text: string): AttackData {
  return AttackFile.parse(JSON.parse(text));
}

/** Tactics of a technique (`T1190` → Initial Access), in ATT&CK matrix order; [] for an unknown id. */
export function techniqueTactics(id: string, data: AttackData = attackData()): Tactic[] {
  const shortnames = data.techniques[id]?.tactics ?? [];
  return data.tactics.filter((t) => shortnames.includes(t.shortname));
}

export function isKnownTechnique(id: string, data: AttackData = attackData()): boolean {
  return data.techniques[id] !== undefined;
}

/** Tactics of several techniques, deduplicated, in matrix order. */
export function tacticsOf(ids: readonly string[], data: AttackData = attackData()): Tactic[] {
  const wanted = new Set(ids.flatMap((id) => data.techniques[id]?.tactics ?? []));
  return data.tactics.filter((t) => wanted.has(t.shortname));
}

/** contentctl's kill_chain_phases: the mapped phase of every tactic of the techniques, sorted by name. */
export function killChainPhases(ids: readonly string[], data: AttackData = attackData()): string[] {
  const phases = new Set<string>();
  for (const tactic of tacticsOf(ids, data)) {
    const phase = data.killchain[tactic.shortname];
    if (phase !== undefined) phases.add(phase);
  }
  return [...phases].sort();
}
