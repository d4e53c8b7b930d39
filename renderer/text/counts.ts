// Numbers as the admin reads them: thousands separators everywhere ("50,001 / 80,000") and the
// noun agreeing with the number ("1 error", "2 errors", "Apply to 1 user").

/** 50001 → "50,001" (the app's one number format, whatever the system's locale). */
export const num = (n: number): string => n.toLocaleString('en-US');

const IRREGULAR: Record<string, string> = { 'user has': 'users have', 'user holds': 'users hold', 'error remains': 'errors remain', 'warning remains': 'warnings remain', is: 'are', was: 'were', entry: 'entries' };

/** The plural of a noun or a short noun phrase ("error" → "errors", "user has" → "users have"). */
export function pluralOf(singular: string): string {
  return IRREGULAR[singular] ?? `${singular}s`;
}

/** "1 error", "2 errors", "1,204 users", "1 user has", "3 users have". */
export function count(n: number, singular: string, plural: string = pluralOf(singular)): string {
  return `${num(n)} ${n === 1 ? singular : plural}`;
}
