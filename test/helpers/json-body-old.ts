/** braceSpans as it was before it crossed prose and strings with substring searches: the oracle of test/json-body.test.ts. */
const MAX_DEPTH = 64;
const MAX_SPANS = 4096;

/** Outermost `{…}` spans, in order of their start: a walk over every character. */
export function oldBraceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const stack: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34 && stack.length > 0) inString = true;
    else if (c === 123 /* { */) {
      if (stack.length >= MAX_DEPTH) stack.splice(0, MAX_DEPTH / 2);
      stack.push(i);
    } else if (c === 125 /* } */) {
      const start = stack.pop();
      if (start !== undefined) spans.push([start, i]);
      if (spans.length >= MAX_SPANS) break;
    }
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  return spans;
}
