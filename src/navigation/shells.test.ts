import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHELLS, shellFor } from './shells';

describe('shell pages', () => {
  it('serve every link under their prefix, and nothing else', () => {
    expect(shellFor('/at/31.2,121.4')).toBe('at.html');
    expect(shellFor('/my-sites/12')).toBe('my-sites.html');
    expect(shellFor('/my-sites')).toBeNull();
    expect(shellFor('/building/x')).toBeNull();
  });
  it('are served the same way by deploy/zjcn.conf', () => {
    const nginx = readFileSync(new URL('../../deploy/zjcn.conf', import.meta.url), 'utf8');
    for (const { prefix, page } of SHELLS) expect(nginx).toMatch(new RegExp(`location ${prefix.replaceAll('/', '\\/')} \\{[^}]*try_files \\/${page.replace('.', '\\.')} =404;`));
  });
});
