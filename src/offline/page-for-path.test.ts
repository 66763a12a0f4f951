import { describe, expect, it } from 'vitest';
import { offlineShellFor, pageForPath } from './page-for-path';

describe('the built page that answers an address (as deploy/zjcn.conf serves it)', () => {
  it.each([
    ['/', 'index.html'],
    ['/building/bldg-gold-hongqiao-center', 'building/bldg-gold-hongqiao-center.html'],
    ['/zone/zone-central', 'zone/zone-central.html'],
    ['/report', 'report.html'],
    ['/report/s2-4-p1', 'report/s2-4-p1.html'],
    ['/tour/3', 'tour/3.html'],
    ['/compare', 'compare.html'],
    ['/at/31.2165,121.4122', 'at.html'],
    ['/at/garbage', 'at.html'],
    ['/my-sites', 'my-sites.html'],
    ['/my-sites/12', 'my-sites.html'],
    ['/report/', 'report/index.html'],
    ['/index.html', 'index.html'],
    ['/404.html', '404.html'],
    ['/manifest.webmanifest', 'manifest.webmanifest'],
    ['/site/12', 'site/12.html'],
  ])('%s → %s', (path, file) => {
    expect(pageForPath(path)).toBe(file);
  });

  it('does not take a dot in a folder name for an extension', () => {
    expect(pageForPath('/v1.2/page')).toBe('v1.2/page.html');
  });

  it('opens an unread paragraph with the reader offline, anything else with the not-found page', () => {
    expect(offlineShellFor('/report/s2-4-p1')).toBe('report.html');
    expect(offlineShellFor('/report')).toBe('report.html');
    expect(offlineShellFor('/reports-old')).toBe('404.html');
    expect(offlineShellFor('/site/12')).toBe('404.html');
  });

});
