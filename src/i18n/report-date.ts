/**
 * The report's own date ("2023年8月") for the interface language: kept as written in Chinese,
 * "August 2023" in English. Anything that is not year + month is returned unchanged.
 */
export function reportDate(date: string, lang: string): string {
  const m = /^(\d{4})年(\d{1,2})月$/.exec(date);
  if (!m || lang === 'zh') return date;
  return new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
}
