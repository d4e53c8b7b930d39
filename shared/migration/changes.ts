// Name what most likely happened to a locked cell (docs/rules.md "Against the original export"):
// never repair a value, only explain it.
import type { ChangeCause } from '../validation/codes';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const SCIENTIFIC = /^[+-]?\d(\.\d+)?[eE][+-]?\d+$/;
const DATE = /^(\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\d{1,2}[-/. ][A-Za-z]{3,9}[-/. ]\d{2,4})([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[AaPp][Mm]|[+-]\d{2}:?\d{2})?)?$/;

const asNumber = (value: string): number | null => {
  const plain = value.replace(/[,\s\u00A0]/g, '');
  return NUMBER.test(plain) ? Number(plain) : null;
};

export function explainChange(original: string, current: string): ChangeCause {
  if (original.trim() === current && original !== current) return 'spacesTrimmed';
  if (original.startsWith('=')) return 'formulaEvaluated';
  if (/^0+\d/.test(original) && current === original.replace(/^0+(?=\d)/, '')) return 'leadingZeros';
  if (/^\d+$/.test(original) && SCIENTIFIC.test(current)) return 'scientific';
  if (original.startsWith('+') && current.replace(/\D/g, '') === original.replace(/\D/g, '')) return 'plusDropped';
  if (DATE.test(original.trim()) && DATE.test(current.trim())) return 'dateRewritten';
  const a = asNumber(original);
  const b = asNumber(current);
  if (a !== null && b !== null && a === b) return 'numberReformatted';
  if (DATE.test(current.trim())) return 'becameDate';
  return 'edited';
}
