/** The pieces of one prerendered page (scripts/prerender.ts), kept apart so they are tested without a build. */

/** vite's ssr-manifest.json: module id → the files (chunks, styles, assets) it needs */
export type SsrManifest = Record<string, string[]>;

export interface HeadParts {
  template: string;
  manifest: SsrManifest;
  /** the modules the page's render used (Vue's SSR context) */
  modules: string[];
  fontFaceCss: string;
  /** font files every first view needs */
  fonts: string[];
  /** the page's own title, or null for the template's */
  title: string | null;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * What the page adds to the template's head: its title, the font faces (so text paints in its
 * own font before any script), the first view's fonts preloaded, and the chunks and styles of
 * the components it rendered that the template does not already load (a lazy route's reader,
 * tour or comparison) — their styles must be in before the first paint.
 */
export function pageHead({ template, manifest, modules, fontFaceCss, fonts, title }: HeadParts): { title: string | null; tags: string } {
  const needed = new Set<string>();
  for (const id of modules) for (const file of manifest[id] ?? []) if (!template.includes(file)) needed.add(file);
  const tags = [
    `<style data-font-faces>${fontFaceCss}</style>`,
    ...fonts.map((f) => `<link rel="preload" as="font" type="font/woff2" crossorigin href="${f}">`),
    ...[...needed].filter((f) => f.endsWith('.css')).map((f) => `<link rel="stylesheet" crossorigin href="${f}">`),
    ...[...needed].filter((f) => f.endsWith('.js')).map((f) => `<link rel="modulepreload" crossorigin href="${f}">`),
  ];
  return { title: title === null ? null : escapeHtml(title), tags: tags.join('\n    ') };
}

/** The template with the head parts in and #app holding one element per variant. */
export function pageHtml(template: string, head: { title: string | null; tags: string }, variants: { variant: string; url: string; html: string }[]): string {
  const app = '<div id="app"></div>';
  if (!template.includes(app)) throw new Error(`prerender: the template has no ${app}`);
  if (!template.includes('</head>')) throw new Error('prerender: the template has no </head>');
  let html = template.replace('</head>', () => `  ${head.tags}\n  </head>`);
  if (head.title !== null) html = html.replace(/<title>[^<]*<\/title>/, () => `<title>${head.title}</title>`);
  const roots = variants.map((v) => `<div data-variant="${v.variant}" data-url="${escapeHtml(v.url)}">${v.html}</div>`).join('');
  return html.replace(app, () => `<div id="app">${roots}</div>`);
}
