import type { Detection } from './types.js';

/**
 * Detections with `enabled` switched on for those a selector names — by id, by name, or by rule name
 * (`ESCU - <name> - Rule`), names compared case-insensitively. For a CLI flag or a config list; the YAML
 * way is `enabled_by_default: true` in a detection file of a `--content` folder (same id overrides).
 */
export function enableDetections(
  detections: readonly Detection[],
  selectors: readonly string[],
): Detection[] {
  const wanted = new Set(selectors.map((s) => s.toLowerCase()));
  const named = (d: Detection) =>
    wanted.has(d.id.toLowerCase()) ||
    wanted.has(d.name.toLowerCase()) ||
    wanted.has(d.ruleName.toLowerCase());
  return detections.map((d) => (!d.enabled && named(d) ? { ...d, enabled: true } : d));
}

/** Selectors that name no detection, so the caller can report a typo. */
export function unknownSelectors(detections: readonly Detection[], selectors: readonly string[]): string[] {
  const known = new Set(detections.flatMap((d) => [d.id, d.name, d.ruleName].map((s) => s.toLowerCase())));
  return selectors.filter((s) => !known.has(s.toLowerCase()));
}
