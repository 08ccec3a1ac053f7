const QUOTE = 34;
const SPACE = 32;
const TAB = 9;

/**
 * A W3C log line's values. IIS separates them by one space and writes `+` for spaces inside values,
 * so a plain split does; other servers writing the format (IIS Advanced Logging, Oracle Web Cache,
 * Incapsula) pad with several spaces and quote values that hold spaces, doubling a quote inside one.
 */
export function splitValues(line: string): string[] {
  if (line.indexOf('"') < 0 && line.indexOf('  ') < 0 && line.indexOf('\t') < 0) return line.split(' ');
  const values: string[] = [];
  let at = skipBlanks(line, 0);
  while (at < line.length) {
    const quotedEnd = line.charCodeAt(at) === QUOTE ? closingQuote(line, at + 1) : -1;
    if (quotedEnd >= 0) {
      values.push(line.slice(at + 1, quotedEnd).replaceAll('""', '"'));
      at = quotedEnd + 1;
    } else {
      const end = nextBlank(line, at);
      values.push(line.slice(at, end));
      at = end;
    }
    at = skipBlanks(line, at);
  }
  return values;
}

/**
 * The index of the quote closing a value opened just before `from`: a quote not doubled and followed
 * by a blank or the end of the line. -1 when there is none (the value is then read as unquoted text).
 */
function closingQuote(line: string, from: number): number {
  for (let i = line.indexOf('"', from); i >= 0; i = line.indexOf('"', i + 1)) {
    if (line.charCodeAt(i + 1) === QUOTE) {
      i++;
      continue;
    }
    return i + 1 === line.length || isBlank(line.charCodeAt(i + 1)) ? i : -1;
  }
  return -1;
}

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB;
}

function skipBlanks(line: string, from: number): number {
  let i = from;
  while (i < line.length && isBlank(line.charCodeAt(i))) i++;
  return i;
}

function nextBlank(line: string, from: number): number {
  let i = from;
  while (i < line.length && !isBlank(line.charCodeAt(i))) i++;
  return i;
}
