/**
 * Fails (exit 1) when the build's first-load JS or CSS, or its heaviest prerendered page,
 * outgrows scripts/budgets.json. Font bytes
 * depend on the text a page shows, so the browser test tests/browser/budgets.test.ts checks them.
 * Run after `vite build`: `npm run budgets` (part of `npm test`).
 */
import { readFileSync } from 'node:fs';
import { assetWeights, firstLoadTotals, pageWeights } from './dist-weights.ts';

const budgets = JSON.parse(readFileSync(new URL('./budgets.json', import.meta.url), 'utf8')) as Record<string, number>;
const dist = process.env.ZJCN_OUT ?? 'dist';
const totals = firstLoadTotals(assetWeights(dist));
const pages = pageWeights(dist);
if (pages.length < 2) throw new Error(`budgets: ${dist} has no prerendered pages (run the whole \`npm run build\`)`);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const checks = [
  { name: 'first-load JS (gzip)', value: totals.js, limit: budgets.firstLoadJs! },
  { name: 'first-load CSS (gzip)', value: totals.css, limit: budgets.firstLoadCss! },
  { name: `heaviest page's HTML (gzip, ${pages[0]!.file})`, value: pages[0]!.wire, limit: budgets.pageHtml! },
];
let over = 0;
for (const c of checks) {
  const ok = c.value <= c.limit;
  if (!ok) over++;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${c.name}: ${kb(c.value)} of ${kb(c.limit)}`);
}
console.log(`(lazy JS, not budgeted: ${kb(totals.lazyJs)})`);
if (over) {
  console.error(`${over} budget(s) exceeded: make the build lighter, or raise scripts/budgets.json with a reason in the commit.`);
  process.exit(1);
}
