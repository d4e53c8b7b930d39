// Realistic license-migration exports for the bench: quoted cells with commas, embedded quotes and
// line breaks, non-ASCII names, CRLF, UTF-8 BOM, a few extra columns, and a plan to validate against.

export const HEADER = [
  'User ID', 'First Name', 'Last Name', 'Email', 'Phone', 'Title', 'Team',
  'Current License', 'Current Add-ons', 'New License', 'New Add-ons', 'Notes',
];

/** Deterministic PRNG (mulberry32), so every run benches the same bytes. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// [display name, ascii for the email]
const FIRST = [
  ['Ava', 'ava'], ['Liam', 'liam'], ['Noah', 'noah'], ['Emma', 'emma'], ['Olivia', 'olivia'], ['Lucas', 'lucas'],
  ['Mia', 'mia'], ['Sofia', 'sofia'], ['Mateo', 'mateo'], ['Zoë', 'zoe'], ['José', 'jose'], ['Anaïs', 'anais'],
  ['Björn', 'bjorn'], ['Chloé', 'chloe'], ['Dmitri', 'dmitri'], ['Jürgen', 'jurgen'], ['Łukasz', 'lukasz'],
  ['太郎', 'taro'], ['花子', 'hanako'], ['Дмитрий', 'dmitriy'], ['Ольга', 'olga'], ['François', 'francois'],
  ['Søren', 'soren'], ['Ingrid', 'ingrid'], ['Priya', 'priya'], ['Wei', 'wei'], ['Fatima', 'fatima'],
  ['Oliver', 'oliver'], ['Grace', 'grace'], ['Hiro', 'hiro'],
];
const LAST = [
  ['Smith', 'smith'], ['Dubois', 'dubois'], ['Kowalski', 'kowalski'], ['García', 'garcia'], ['Silva', 'silva'],
  ['Lee', 'lee'], ['Müller', 'muller'], ['Ivanova', 'ivanova'], ['Martin', 'martin'], ['Rossi', 'rossi'],
  ["O'Brien", 'obrien'], ['Novak', 'novak'], ['Nguyen', 'nguyen'], ['Patel', 'patel'], ['Петров', 'petrov'],
  ['Łęcka', 'lecka'], ['山田', 'yamada'], ['Schäfer', 'schafer'], ['Johansson', 'johansson'], ['Brown', 'brown'],
  ['van der Berg', 'vanderberg'], ['Kim', 'kim'], ['Okafor', 'okafor'], ['Haddad', 'haddad'],
];
const TITLES = [
  'Account Executive', 'SDR', 'Sales Manager', 'CSM', 'RevOps Analyst', 'Sales Engineer', 'VP, Sales',
  'Director, Customer Success', 'Sales Ops Admin', 'Head of "Growth"', 'Team Lead, EMEA', 'BDR',
];
const TEAMS = ['Sales, EMEA', 'Sales, NA', 'Customer Success', 'RevOps', 'Leadership', 'Sales, APAC', 'Partners'];
const CURRENT = ['Optimize', 'Optimize', 'Optimize', 'Engage Legacy', 'Standard', 'Standard', ''];
const CURRENT_ADDONS = ['', '', '', 'Meet', 'Deal', 'Meet, Deal'];
// A half-done migration: many empty, canonical values, a few that NORMALIZE, a rare typo.
const NEW_LICENSE = ['', '', '', 'Engage', 'Engage', 'Engage', 'Essentials', 'Essentials', 'Admin', 'engage ', 'ESSENTIALS', 'Engag'];
const NEW_ADDONS_LICENSED = ['', '', 'Meet', 'Deal', 'Meet, Deal', 'deal;meet'];
const NOTES = [
  'Moved from EMEA team.\r\nKeep the Meet add-on.',
  'Said "call me Bob", prefers email',
  'On leave until Q3, reassign?',
  'Über-admin for Zürich office — do not remove',
  'Line one\r\nLine two\r\nLine three',
];

const needsQuotes = /[",\r\n]/;
/** A cell as an export writes it: quoted only when it must be. */
export function csvCell(value) {
  return needsQuotes.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The CSV text of an export of `users` users (without BOM; CRLF, final newline), the email of the
 * admin running the tool, and per-row layout facts the bench reports.
 */
export function generateExport(users, seed = 42) {
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const lines = new Array(users + 1);
  lines[0] = HEADER.map(csvCell).join(',');
  let me = null;
  let multiline = 0;
  for (let i = 0; i < users; i++) {
    // A few duplicated users (re-exported rows) so DUPLICATE_USER has something to find.
    const id = i > 0 && random() < 0.0002 ? i - 1 : i;
    const [first, firstAscii] = pick(FIRST);
    const [last, lastAscii] = pick(LAST);
    const email = `${firstAscii}.${lastAscii}.${id}@acme.example`;
    if (i === 0) me = email;
    const phone = random() < 0.3 ? '' : random() < 0.5 ? `+1 (555) ${String(100 + (id % 900))}-${String(1000 + (id % 9000))}` : `+44 20 7946 ${String(id % 10000).padStart(4, '0')}`;
    const current = pick(CURRENT);
    const currentAddOns = current === '' ? '' : pick(CURRENT_ADDONS);
    const newLicense = pick(NEW_LICENSE);
    const newAddOns = newLicense === '' || /^essentials$/i.test(newLicense) ? '' : pick(NEW_ADDONS_LICENSED);
    let notes = '';
    const roll = random();
    if (roll < 0.02) {
      notes = pick(NOTES);
      if (notes.includes('\n')) multiline++;
    }
    const cells = [
      `005${String(id).padStart(12, '0')}`, first, last, email, phone, pick(TITLES), pick(TEAMS),
      current, currentAddOns, newLicense, newAddOns, notes,
    ];
    lines[i + 1] = cells.map(csvCell).join(',');
  }
  const text = lines.join('\r\n') + '\r\n';
  return { text, me, multiline };
}

/** The export as the platform writes it: UTF-8 with a BOM. */
export function exportBytes(text) {
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf], 0);
  out.set(body, 3);
  return out;
}

/** A plan roughly sized for `users`: Engage/Admin/Essentials with add-ons Meet/Deal. */
export function planFor(users) {
  return {
    licenses: [
      { name: 'Engage', seats: Math.round(users * 0.6), addOnsAllowed: true },
      { name: 'Admin', seats: Math.max(3, Math.round(users * 0.1)), addOnsAllowed: true },
      { name: 'Essentials', seats: Math.round(users * 0.3), addOnsAllowed: false },
    ],
    addOns: [
      { name: 'Meet', seats: Math.round(users * 0.4) },
      { name: 'Deal', seats: Math.round(users * 0.3) },
    ],
  };
}
