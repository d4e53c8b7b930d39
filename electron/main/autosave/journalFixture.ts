// A valid saved-progress journal for tests (the shape of docs/formats.md "Saved progress").
import type { Journal } from '../../../shared/migration/journal';

export function journalFixture(overrides: Partial<Journal> = {}): Journal {
  return {
    schemaVersion: 1,
    source: { name: 'acme-users.csv', size: 1234, sha256: 'a'.repeat(64), encoding: 'utf-8', delimiter: ',', bom: false, eol: '\r\n' },
    plan: { licenses: [{ name: 'Engage', seats: 120, addOnsAllowed: true }], addOns: [{ name: 'Meet', seats: 60 }] },
    me: 'admin@acme.example',
    assignments: { 'id:001': { license: 'Engage', addOns: 'Meet' } },
    progress: { assigned: 1, users: 3 },
    updatedAt: '2025-01-01T10:00:00.000Z',
    ...overrides,
  };
}
