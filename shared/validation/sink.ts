// Where rules report: a sink that counts findings by severity and, when asked to, also collects them.
// Counting allocates nothing, so the incremental session calls the same rule code the CLI does.
import { CODE_ORDER, SEVERITY, type Finding, type FindingCode } from './codes';

const BITS = Object.fromEntries(CODE_ORDER.map((code, i) => [code, 1 << i])) as Record<FindingCode, number>;

/** A code as a bit (CODE_ORDER index): a row's codes fit in one number. */
export const codeBit = (code: FindingCode): number => BITS[code];

export class FindingSink {
  errors = 0;
  warnings = 0;
  /** Every code counted, as bits (codeBit). */
  codes = 0;

  /** `collected`: where findings go, or null to only count them. */
  constructor(readonly collected: Finding[] | null = null) {}

  /** Count a finding of `code`. True when the caller should also build it and `add` it. */
  count(code: FindingCode): boolean {
    if (SEVERITY[code] === 'error') this.errors++;
    else this.warnings++;
    this.codes |= BITS[code];
    return this.collected !== null;
  }

  add(finding: Finding): void {
    this.collected!.push(finding);
  }

  /** Count and collect a finding already built (for rules that run once per file, not per keystroke). */
  report(finding: Finding): void {
    if (this.count(finding.code)) this.add(finding);
  }

  reset(): void {
    this.errors = 0;
    this.warnings = 0;
    this.codes = 0;
    if (this.collected !== null) this.collected.length = 0;
  }
}
