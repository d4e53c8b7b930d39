import { describe, expect, it } from 'vitest';
import { mapColumns } from '../../shared/index';
import { countCurrentAddOns, dictionaryOfValues, indexCurrentLicenses, rankColumn, rankDictionary, rankingOrder } from './fileIndexes';

const records = [['Optimize', 'Meet, Deal'], ['optimize ', ''], ['Standard', 'Meet;meet'], ['', 'Deal'], ['Optimize', 'Deal']];

describe('per-row indexes of a file', () => {
  it('counts current licenses folded, as first spelled, most common first, and gives each row its entry', () => {
    const index = indexCurrentLicenses(dictionaryOfValues(records.length, (r) => records[r][0]));
    expect(index.values).toEqual([
      { value: 'Optimize', users: 3 },
      { value: '', users: 1 },
      { value: 'Standard', users: 1 },
    ]);
    expect(Array.from(index.of)).toEqual([0, 0, 2, 1, 0]);
  });

  it('counts each current add-on once per user, whatever separates them', () => {
    expect(countCurrentAddOns(dictionaryOfValues(records.length, (r) => records[r][1]))).toEqual([
      { value: 'Deal', users: 3 },
      { value: 'Meet', users: 2 },
      { value: 'meet', users: 1 },
    ]);
  });

  it('ranks a column for sorting: case does not matter, equal values share a place', () => {
    const cells = ['b', 'A', 'a', '', 'C'];
    const { rank, distinct } = rankColumn({ column: (c) => (c === 0 ? [...cells] : []) }, 0);
    expect(Array.from(rank)).toEqual([2, 1, 1, 0, 3]);
    expect(distinct).toBe(4);
    expect(rankDictionary({ values: [], codes: new Uint16Array(0) })).toEqual({ rank: new Uint32Array(0), distinct: 0 });
  });

  it('ranks the locked columns an admin sorts by first: email, names, user id', () => {
    const { columns } = mapColumns(['User ID', 'First Name', 'Last Name', 'Email', 'Team', 'Current License', 'New License', 'New Add-ons']);
    expect(rankingOrder(columns, [0, 1, 2, 3, 4, 5, 6, 7])).toEqual([3, 2, 1, 0, 5, 4]);
    expect(rankingOrder(columns, [4, 3])).toEqual([3, 4]);
  });
});
