/**
 * Characters a terminal or a log viewer acts on instead of showing: C0 controls (ESC starts the
 * sequences that move the cursor, erase lines and recolour), DEL, C1 controls (CSI among them),
 * the bidirectional controls that reorder what is shown, the line and paragraph separators,
 * the noncharacters U+FFFE and U+FFFF, and unpaired surrogates (which no encoding carries).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is what it is for
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `\x1b`, `\u202e`: a character as its code, in the form JavaScript and C would write it. */
export function escapeCode(code: number): string {
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Text from documents made safe to print for people: every control character is shown as its
 * escape (`\x1b[2K`), so that a key or a value can neither erase, move, recolour nor reorder what
 * is printed around it. With `keepLineBreaks`, `\n` stays (text of several lines).
 */
export function escapeControls(text: string, options: { keepLineBreaks?: boolean } = {}): string {
  return text.replace(CONTROL, (char) => (char === '\n' && options.keepLineBreaks ? char : escapeCode(char.charCodeAt(0))));
}
