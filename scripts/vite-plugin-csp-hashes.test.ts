import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cspHashesPlugin } from './vite-plugin-csp-hashes';

const transform = (html: string) => {
  const hook = cspHashesPlugin().transformIndexHtml as { handler: (html: string) => string };
  return hook.handler(html);
};
const csp = (extra = '') => `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'${extra}; object-src 'none'" />`;

describe('CSP hashes of inline scripts', () => {
  it("allows each inline script by its sha256, and nothing by 'unsafe-inline'", () => {
    const body = "(function(){document.documentElement.lang='en'})()";
    const out = transform(`<head>${csp()}<script>${body}</script><script type="module" src="/a.js"></script></head>`);
    const hash = createHash('sha256').update(body).digest('base64');
    expect(out).toContain(`script-src 'self' 'sha256-${hash}'; object-src 'none'`);
    expect(out).not.toContain('unsafe-inline');
  });
  it('leaves a page without inline scripts as it is', () => {
    const html = `<head>${csp()}<script type="module" src="/a.js"></script></head>`;
    expect(transform(html)).toBe(html);
  });
  it('fails the build when an inline script has no policy to go into', () => {
    expect(() => transform('<head><script>1</script></head>')).toThrow(/no CSP meta/);
  });
});
