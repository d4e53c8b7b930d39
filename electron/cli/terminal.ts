// Text from cells and plan files reaches a terminal: control characters, escape sequences and
// bidirectional overrides are shown escaped, so a hostile file can neither move the cursor, retitle
// the window nor reorder what the admin reads ("Trojan Source"). Line breaks we write ourselves stay.

// C0 controls but \n, DEL, C1 controls (0x9B is a one-byte CSI), bidi embeddings/overrides/isolates,
// line and paragraph separators.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

const escapeOne = (c: string): string => {
  const code = c.charCodeAt(0);
  if (c === '\t') return '\\t';
  if (c === '\r') return '\\r';
  if (c === '\u001b') return '\\e';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** Text for a terminal: everything but our own line breaks made visible. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/** JSON for a terminal: the same characters as JSON escapes, so the output still parses to the same value. */
export function jsonSafe(json: string): string {
  return json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
