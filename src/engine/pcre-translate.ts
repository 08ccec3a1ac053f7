/**
 * Splunk regular expressions are PCRE; this translates them to JavaScript (`u` flag) with the same meaning,
 * or refuses, naming the construct, where JavaScript has no exact equivalent. PCRE's defaults are kept:
 * `.` excludes only `\n`, `$` also matches before a final `\n`, `\s` `\d` `\w` are ASCII.
 */

import {
  classEscape,
  END,
  GROUP_NAME,
  hexChar,
  literal,
  outsideEscape,
  POSIX,
  QUANTIFIER,
  START,
} from './pcre-escapes.js';

class Refusal extends Error {}

/** One translation: pattern text in, JavaScript source out. */
export class Translator {
  private i = 0;
  private out = '';
  private flags = { i: false, s: false, m: false, x: false };
  readonly names: string[] = [];

  constructor(private readonly p: string) {}

  run(): { source: string; flags: string } {
    this.leadingFlags();
    while (this.i < this.p.length) this.outside();
    return { source: this.out, flags: this.flags.i ? 'iu' : 'u' };
  }

  private refuse(what: string): never {
    throw new Refusal(`${what} is not supported by vigil's PCRE translation`);
  }

  /** `(?i)` and friends are honoured only at the start of the pattern: JavaScript has no mid-pattern flags. */
  private leadingFlags(): void {
    for (let m = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?\)/.exec(this.p); m; ) {
      for (const f of m[1] ?? '') {
        if (!(f in this.flags)) this.refuse(`the inline flag (?${f})`);
        this.flags[f as keyof typeof this.flags] = true;
      }
      for (const f of m[2] ?? '') if (!(f in this.flags)) this.refuse(`the inline flag (?-${f})`);
      this.i += m[0].length;
      m = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?\)/.exec(this.p.slice(this.i));
    }
    if (this.p.startsWith('(*', this.i)) this.refuse('a leading (*VERB) option');
  }

  private outside(): void {
    const ch = this.p[this.i] as string;
    if (this.flags.x && /\s/.test(ch)) this.i++;
    else if (this.flags.x && ch === '#') this.skipComment();
    else if (ch === '\\') this.out += this.escape(false);
    else if (ch === '[') this.out += this.charClass();
    else if (ch === '(') this.group();
    else if (ch === '.') this.emit(this.flags.s ? '[\\s\\S]' : '[^\\n]');
    else if (ch === '^') this.emit(this.flags.m ? `(?:${START}|(?<=\\n)(?=[\\s\\S]))` : '^');
    else if (ch === '$') this.emit(this.flags.m ? `(?=\\n|${END})` : `(?=\\n?${END})`);
    else if (ch === '*' || ch === '+' || ch === '?') this.quantifier(ch);
    else if (ch === '{') this.brace();
    else this.emit(ch === ')' || ch === '|' ? ch : literal(ch));
  }

  private emit(s: string, width = 1): void {
    this.out += s;
    this.i += width;
  }

  private skipComment(): void {
    while (this.i < this.p.length && this.p[this.i] !== '\n') this.i++;
  }

  private quantifier(q: string): void {
    this.emit(q);
    this.afterQuantifier();
  }

  private afterQuantifier(): void {
    if (this.p[this.i] === '+') this.refuse('a possessive quantifier');
    if (this.p[this.i] === '?') this.emit('?');
  }

  /** `{n}`, `{n,}`, `{n,m}` quantify; any other `{` is a literal, as in PCRE. */
  private brace(): void {
    const m = QUANTIFIER.exec(this.p.slice(this.i));
    if (m) {
      this.emit(m[0], m[0].length);
      this.afterQuantifier();
    } else if (/^\{,\d+\}/.test(this.p.slice(this.i))) {
      this.refuse('the quantifier {,n} (its meaning differs between PCRE versions)');
    } else this.emit('\\{');
  }

  private group(): void {
    const rest = this.p.slice(this.i);
    const named = /^\(\?(?:P?<([^>]*)>|'([^']*)')/.exec(rest);
    if (named) {
      const name = named[1] ?? named[2] ?? '';
      if (!GROUP_NAME.test(name)) this.refuse(`the group name "${name}" (letters, digits and _ only)`);
      this.names.push(name);
      this.emit(`(?<${name}>`, named[0].length);
    } else if (rest.startsWith('(?#')) {
      const close = this.p.indexOf(')', this.i);
      this.i = close < 0 ? this.p.length : close + 1;
    } else if (/^\(\?P=(\w+)\)/.test(rest)) {
      const m = /^\(\?P=(\w+)\)/.exec(rest) as RegExpExecArray;
      this.emit(`\\k<${m[1]}>`, m[0].length);
    } else if (/^\(\?(?::|=|!|<=|<!)/.test(rest)) {
      const m = /^\(\?(?::|=|!|<=|<!)/.exec(rest) as RegExpExecArray;
      this.emit(m[0], m[0].length);
    } else if (rest.startsWith('(?>')) this.refuse('an atomic group (?>...)');
    else if (rest.startsWith('(?|')) this.refuse('a branch-reset group (?|...)');
    else if (rest.startsWith('(?(')) this.refuse('a conditional group (?(...)...)');
    else if (rest.startsWith('(*')) this.refuse('a backtracking verb (*...)');
    else if (/^\(\?[-a-zA-Z]*[:)]/.test(rest)) this.refuse('an inline flag after the start of the pattern');
    else if (rest.startsWith('(?')) this.refuse(`the group syntax "${rest.slice(0, 4)}"`);
    else this.emit('(');
  }

  /** A backslash escape; inside a class, only what can stand in a class is allowed. */
  private escape(inClass: boolean): string {
    const c = this.p[this.i + 1];
    this.i += 2;
    if (c === undefined) this.refuse('a trailing backslash');
    const simple = inClass ? classEscape(c) : outsideEscape(c);
    if (simple !== undefined) return simple;
    return this.complexEscape(c, inClass);
  }

  private complexEscape(c: string, inClass: boolean): string {
    const rest = this.p.slice(this.i);
    if (c === 'x') {
      const m = /^\{([0-9a-fA-F]+)\}|^[0-9a-fA-F]{0,2}/.exec(rest) as RegExpExecArray;
      this.i += m[0].length;
      return literal(hexChar(m[1] ?? m[0]), inClass);
    }
    if (c === 'o' && /^\{[0-7]+\}/.test(rest)) {
      const m = /^\{([0-7]+)\}/.exec(rest) as RegExpExecArray;
      this.i += m[0].length;
      return literal(String.fromCodePoint(Number.parseInt(m[1] as string, 8)), inClass);
    }
    if (c === '0' || (inClass && /[1-7]/.test(c))) {
      const m = /^[0-7]{0,2}/.exec(rest) as RegExpExecArray;
      this.i += m[0].length;
      return literal(String.fromCodePoint(Number.parseInt(c + m[0], 8)), inClass);
    }
    if (/[1-9]/.test(c) && !inClass) {
      if (/^\d/.test(rest)) this.refuse(`the multi-digit backreference or octal escape \\${c}${rest[0]}`);
      return `\\${c}`;
    }
    if (c === 'Q') return this.quoted(inClass);
    if (c === 'E') return '';
    if (c === 'p' || c === 'P') return this.property(c, rest);
    if (c === 'c' && /^[A-Za-z]/.test(rest)) {
      this.i++;
      return `\\c${rest[0]}`;
    }
    if (!inClass && (c === 'k' || c === 'g')) return this.reference(c, rest);
    if (/[A-Za-z0-9]/.test(c)) this.refuse(`the escape \\${c}${inClass ? ' inside [...]' : ''}`);
    return literal(c, inClass);
  }

  private quoted(inClass: boolean): string {
    const end = this.p.indexOf('\\E', this.i);
    const text = this.p.slice(this.i, end < 0 ? this.p.length : end);
    this.i = end < 0 ? this.p.length : end + 2;
    return [...text].map((ch) => literal(ch, inClass)).join('');
  }

  private property(c: string, rest: string): string {
    const m = /^\{(\^?)([A-Za-z_&]+)\}|^([A-Z])/.exec(rest);
    if (!m) this.refuse(`the escape \\${c}`);
    this.i += m[0].length;
    const negate = (c === 'P') !== (m[1] === '^');
    const name = m[2] ?? m[3] ?? '';
    const prop = name === 'L&' ? 'LC' : /^[A-Z][a-z]?$/.test(name) ? name : `Script=${name}`;
    return `\\${negate ? 'P' : 'p'}{${prop}}`;
  }

  private reference(c: string, rest: string): string {
    const m = /^(?:<(\w+)>|'(\w+)'|\{(\w+)\}|(\d+))/.exec(rest);
    const ref = m?.[1] ?? m?.[2] ?? m?.[3] ?? m?.[4];
    if (!m || ref === undefined) this.refuse(`the escape \\${c}${rest.slice(0, 3)}`);
    this.i += m[0].length;
    if (/^\d+$/.test(ref)) return c === 'g' && ref.length === 1 ? `\\${ref}` : this.refuse(`\\g${ref}`);
    return `\\k<${ref}>`;
  }

  /** `[...]`: PCRE's literal `]` first, POSIX classes, and `-` next to a class shorthand are made explicit. */
  private charClass(): string {
    this.i++;
    let body = '';
    const negate = this.p[this.i] === '^';
    if (negate) this.i++;
    let first = true;
    while (this.i < this.p.length && (this.p[this.i] !== ']' || first)) {
      first = false;
      const atom = this.classAtom();
      if (atom.char !== undefined && this.p[this.i] === '-' && this.p[this.i + 1] !== ']') {
        const save = this.i;
        this.i++;
        const end = this.classAtom();
        if (end.char !== undefined) {
          body += `${atom.text}-${end.text}`;
          continue;
        }
        this.i = save;
      }
      body += atom.text;
    }
    if (this.i >= this.p.length) this.refuse('an unterminated [...] class');
    this.i++;
    return `[${negate ? '^' : ''}${body}]`;
  }

  /** One member of a class: a single character (may bound a range) or a set such as `\d`. */
  private classAtom(): { text: string; char?: string } {
    const ch = this.p[this.i] as string;
    const posix = /^\[:(\^?)([a-z]+):\]/.exec(this.p.slice(this.i));
    if (posix) {
      const set = POSIX[posix[2] as string];
      if (!set || posix[1]) this.refuse(`the POSIX class [:${posix[1]}${posix[2]}:]`);
      this.i += posix[0].length;
      return { text: set };
    }
    if (ch !== '\\') {
      this.i++;
      return { text: literal(ch, true), char: ch };
    }
    const c = this.p[this.i + 1] as string;
    const text = this.escape(true);
    const isSet = /[dDwWsShHvVpP]/.test(c) || (c === 'Q' && [...text].length !== 1);
    return isSet ? { text } : { text, char: text };
  }
}
