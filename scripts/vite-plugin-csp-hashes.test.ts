import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headerPolicy, pagePolicy } from './vite-plugin-csp-hashes';
import { deployedHeaders } from './deployed-headers';

const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; connect-src 'self' blob:; object-src 'none'" />`;

describe('the Content-Security-Policy', () => {
  it("allows each inline script by its sha256, and nothing by 'unsafe-inline'", () => {
    const body = "(function(){document.documentElement.lang='en'})()";
    const policy = pagePolicy(`<head>${csp}<script>${body}</script><script type="module" src="/a.js"></script></head>`, { dev: false });
    const hash = createHash('sha256').update(body).digest('base64');
    expect(policy).toBe(`default-src 'self'; script-src 'self' 'sha256-${hash}'; connect-src 'self' blob:; object-src 'none'`);
  });
  it('lets only the dev server’s page reach its reload socket', () => {
    expect(pagePolicy(csp, { dev: true })).toContain("connect-src 'self' blob: ws://localhost:* ws://127.0.0.1:*");
    expect(pagePolicy(csp, { dev: false })).not.toMatch(/ws:|localhost/);
  });
  it('fails the build when there is no policy to put the hashes in', () => {
    expect(() => pagePolicy('<head><script>1</script></head>', { dev: false })).toThrow(/no Content-Security-Policy/);
  });

  it('ships from index.html with no eval, no plugins, no foreign base, no dev socket', () => {
    const policy = pagePolicy(readFileSync(new URL('../index.html', import.meta.url), 'utf8'), { dev: false });
    expect(policy).not.toMatch(/unsafe-eval|ws:|localhost/);
    expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+';/);
    for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "connect-src 'self'"]) expect(policy).toContain(directive);
  });

  it('is the same in deploy/snippets/zjcn-headers.conf, as a header (with frame-ancestors), declared there once', () => {
    const policy = pagePolicy(readFileSync(new URL('../index.html', import.meta.url), 'utf8'), { dev: false });
    const shipped = deployedHeaders().filter(([name]) => name === 'Content-Security-Policy');
    expect(shipped).toHaveLength(1);
    expect(shipped[0]![1], `deploy/snippets/zjcn-headers.conf must carry the policy index.html ships (update it when the inline script changes):\n${headerPolicy(policy)}`).toBe(headerPolicy(policy));
    // No other file of deploy/ sets a security header: a second copy would drift.
    for (const file of ['../deploy/zjcn.conf', '../deploy/nginx.conf']) expect(readFileSync(new URL(file, import.meta.url), 'utf8')).not.toMatch(/add_header (Content-Security-Policy|X-Content-Type-Options|Referrer-Policy|Permissions-Policy)/);
  });
});
