/**
 * contentctl fills `%x%` tokens at build time (spec §1.5, §8.11): in notable titles and descriptions any
 * `%x%` naming a detection attribute or tag; in drilldowns `%original_detection_search%`, `%name%` and
 * `%description%`. `$field$` tokens are left for run time.
 */

const TOKEN = /%([A-Za-z_][A-Za-z0-9_]*)%/g;

export interface Filled {
  readonly text: string;
  /** Token names with no value; left in the text as written. */
  readonly unknown: readonly string[];
}

/** Replaces each `%x%` whose name has a value, in one pass (substituted text is not rescanned). */
export function fillBuildTokens(template: string, values: Readonly<Record<string, string>>): Filled {
  const unknown: string[] = [];
  const text = template.replace(TOKEN, (whole, name: string) => {
    const value = values[name];
    if (value !== undefined) return value;
    unknown.push(name);
    return whole;
  });
  return { text, unknown };
}

/** Drilldown searches are SPL, where `%` is also a `like()` wildcard: only the three known tokens are filled. */
export function fillDrilldownTokens(
  template: string,
  d: { name: string; description: string; search: string },
) {
  const values: Record<string, string> = {
    original_detection_search: d.search,
    name: d.name,
    description: d.description,
  };
  return template.replace(
    /%(original_detection_search|name|description)%/g,
    (_w, k: string) => values[k] ?? '',
  );
}

/** The scalar attributes and tags of a detection that `%x%` may name; attributes win over tags. */
export function buildTokenValues(raw: { readonly tags: object }): Record<string, string> {
  const values: Record<string, string> = {};
  for (const source of [raw.tags, raw]) {
    for (const [k, v] of Object.entries(source)) {
      if (typeof v === 'string' || typeof v === 'number') values[k] = String(v);
    }
  }
  return values;
}
