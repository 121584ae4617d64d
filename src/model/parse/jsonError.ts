/**
 * Finds where JSON text stops being valid. JSON.parse's messages differ between engines and often give
 * no position ("Unexpected end of JSON input"), so a small scanner locates the first error itself.
 * Only called after JSON.parse has failed; returns the offset and what was expected.
 */
export function locateJsonError(text: string): { offset: number; expected: string } {
  let i = 0;
  const fail = (expected: string): never => {
    throw new JsonScanError(i, expected);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const lit = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail('a value');
  };
  const string = () => {
    i++; // opening quote
    while (i < text.length) {
      const c = text.charAt(i);
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        i++;
        const e = text.charAt(i);
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('four hex digits after \\u');
          i += 5;
        } else if ('"\\/bfnrt'.includes(e) && e !== '') i++;
        else fail('a valid escape');
      } else if (c.charCodeAt(0) < 32) fail('a closing quote');
      else i++;
    }
    fail('a closing quote');
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '' || m[0] === '-') fail('a value');
    i += m ? m[0].length : 0;
  };
  const value = (depth: number): void => {
    if (depth > 5000) fail('less nesting');
    ws();
    const c = text.charAt(i);
    if (c === '{') {
      i++;
      ws();
      if (text.charAt(i) === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text.charAt(i) !== '"') fail('a property name in double quotes');
        string();
        ws();
        if (text.charAt(i) !== ':') fail("':' after the property name");
        i++;
        value(depth + 1);
        ws();
        if (text.charAt(i) === ',') i++;
        else if (text.charAt(i) === '}') {
          i++;
          return;
        } else fail("',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text.charAt(i) === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text.charAt(i) === ',') i++;
        else if (text.charAt(i) === ']') {
          i++;
          return;
        } else fail("',' or ']'");
      }
    }
    if (c === '"') {
      string();
      return;
    }
    if (c === 't') {
      lit('true');
      return;
    }
    if (c === 'f') {
      lit('false');
      return;
    }
    if (c === 'n') {
      lit('null');
      return;
    }
    if (c === '-' || (c >= '0' && c <= '9')) {
      number();
      return;
    }
    fail(i >= text.length ? 'more input (the JSON ends too early)' : 'a value');
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail('the end of the input');
  } catch (e) {
    if (e instanceof JsonScanError) return { offset: e.offset, expected: e.expected };
    throw e;
  }
  return { offset: text.length, expected: 'valid JSON' };
}

class JsonScanError {
  constructor(
    readonly offset: number,
    readonly expected: string,
  ) {}
}
