/** SQL text helpers shared by the store adapters (standard double-quoted identifiers, single-quoted strings). */

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function quoteString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
