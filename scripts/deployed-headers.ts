import { readFileSync } from 'node:fs';

/**
 * The security headers production sends, read from where they are declared once
 * (deploy/snippets/zjcn-headers.conf): [name, value] for each `add_header Name "value" always;`.
 * The preview server sends the same, and the CSP test compares them with the page's own policy.
 */
export function deployedHeaders(file = new URL('../deploy/snippets/zjcn-headers.conf', import.meta.url)): [string, string][] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^add_header ([A-Za-z-]+) "([^"]*)" always;$/gm)].map((m) => [m[1]!, m[2]!]);
}
