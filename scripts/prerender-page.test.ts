import { describe, expect, it } from 'vitest';
import { pageHead, pageHtml } from './prerender-page';

const template = `<html><head><title>App</title><link rel="stylesheet" href="/assets/index-1.css"></head><body><div id="app"></div></body></html>`;

describe('prerendered page', () => {
  it('preloads the chunks and styles of what it rendered, once, and not what the template already loads', () => {
    const head = pageHead({
      template,
      manifest: { 'src/reader/ReportReader.vue': ['/assets/Reader-1.js', '/assets/Reader-1.css', '/assets/font.woff2'], 'src/App.vue': ['/assets/index-1.css'], 'src/x.ts': ['/assets/Reader-1.js'] },
      modules: ['src/App.vue', 'src/reader/ReportReader.vue', 'src/x.ts', 'src/unknown.ts'],
      fontFaceCss: '@font-face{}',
      fonts: ['/assets/sub.woff2'],
      title: null,
    });
    expect(head.tags.match(/Reader-1\.js/g)).toHaveLength(1);
    expect(head.tags).toContain('<link rel="stylesheet" crossorigin href="/assets/Reader-1.css">');
    expect(head.tags).toContain('<link rel="preload" as="font" type="font/woff2" crossorigin href="/assets/sub.woff2">');
    expect(head.tags).not.toContain('index-1.css');
    expect(head.tags).not.toContain('font.woff2');
    expect(head.tags).toContain('<style data-font-faces>@font-face{}</style>');
  });

  it('puts every variant in #app with the URL it was rendered for, and escapes the title; $ in content stays as written', () => {
    const head = pageHead({ template, manifest: {}, modules: [], fontFaceCss: '', fonts: [], title: 'A & <B>' });
    const html = pageHtml(template, head, [
      { variant: 'zh-desk', url: '/building/a', html: '<p>$& 价格</p>' },
      { variant: 'en-phone', url: '/building/a', html: '<p>en</p>' },
    ]);
    expect(html).toContain('<title>A &amp; &lt;B&gt;</title>');
    expect(html).toContain('<div id="app"><div data-variant="zh-desk" data-url="/building/a"><p>$& 价格</p></div><div data-variant="en-phone" data-url="/building/a"><p>en</p></div></div>');
  });

  it('fails on a template without the app element', () => {
    expect(() => pageHtml('<html><head></head><body></body></html>', { title: null, tags: '' }, [])).toThrow(/no <div id="app">/);
  });
});
