/** `n` CSV rows of sites spread over the park, the same rows every run: the import test's and the bench's large file. */
export function manyRows(n: number): string {
  const rows = ['name,lon,lat'];
  for (let i = 0; i < n; i++) rows.push(`site ${i + 1},${(121.36 + ((i * 7919) % 1000) / 10000).toFixed(6)},${(31.19 + ((i * 104729) % 1000) / 20000).toFixed(6)}`);
  return rows.join('\n');
}
