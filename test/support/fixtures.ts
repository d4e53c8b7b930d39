// Test helpers that read files: the real-client fixtures (test/fixtures) and the sample plan (tests only, Node).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadExport, type LoadedExport } from '../../shared/migration/load';
import { parsePlan, type Plan } from '../../shared/plan/plan';

export const FIXTURES = fileURLToPath(new URL('../fixtures/real-client/', import.meta.url));
export const RESOURCES = fileURLToPath(new URL('../../resources/samples/', import.meta.url));

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(FIXTURES + name));
}

export function load(bytes: Uint8Array | string): LoadedExport {
  const result = loadExport(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes);
  if (!result.ok) throw new Error(`refused: ${result.error.reason}`);
  return result.value;
}

export function fixturePlan(): Plan {
  const parsed = parsePlan(JSON.parse(readFileSync(FIXTURES + 'plan.json', 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error.join('; '));
  return parsed.value;
}

export const PLAN: Plan = {
  licenses: [
    { name: 'Engage', seats: 5, addOnsAllowed: true },
    { name: 'Admin', seats: 2, addOnsAllowed: true },
    { name: 'Viewer', seats: 10, addOnsAllowed: false },
  ],
  addOns: [
    { name: 'Meet', seats: 3 },
    { name: 'Deal', seats: 2 },
  ],
};

export const ENCODING_FIXTURES = fileURLToPath(new URL('../fixtures/encodings/', import.meta.url));

/** A file of test/fixtures/encodings (written by Python's codecs, not by our decoders; see its README). */
export function encodingFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(ENCODING_FIXTURES + name));
}
