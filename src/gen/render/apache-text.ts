/**
 * Pieces both access-log renderers share: `[10/Oct/2000:13:55:36 +0000]`-style local time (written in
 * UTC) and the escaping each server applies to the text it logs.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `dd/Mon/yyyy:HH:MM:SS +0000` (seconds; the servers log no fraction). */
export function accessTimeText(micros: number): string {
  const d = new Date(Math.floor(micros / 1000));
  const date = `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}`;
  return `${date}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}

const SPECIAL = /["\\\p{Cc}]/u;
const SPECIALS = /["\\\p{Cc}]/gu;

const hex = (c: string, upper: boolean) => {
  const code = c.charCodeAt(0).toString(16).padStart(2, '0');
  return `\\x${upper ? code.toUpperCase() : code}`;
};

/** Apache's escaping of logged text: `\"`, `\\`, and `\xhh` for control characters. */
export function apacheEscape(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return text.replace(SPECIALS, (c) => (c === '"' || c === '\\' ? `\\${c}` : hex(c, false)));
}

/** nginx's default escaping of logged variables: `"`, `\` and control characters as `\xHH`. */
export function nginxEscape(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => hex(c, true)) : text;
}
