import en from './locales/en.json';
import zh from './locales/zh.json';

/**
 * Every interface string, in both languages: src/i18n/locales/<lang>.json. Place names, numbers
 * and report sentences never live there: they come from geo/ and the report content. The build
 * precompiles these files (@intlify/unplugin-vue-i18n, vite.config.ts), so vue-i18n ships without
 * its message compiler.
 */
export const messages = { zh, en };

export type Lang = keyof typeof messages;

/**
 * Messages (a namespace, or a namespace.group) shown only after a person acts — the import dialog,
 * its problems and the sites' panel, the update prompt, a linked place's historic buildings — never on a page's first view: their
 * characters go in the Noto Sans SC subset's second ("prose") file, which a page fetches only when
 * it shows one of them (scripts/font-chars.ts). The legend's "add your sites" button stays in core.
 */
export const AFTER_FIRST_VIEW = ['imported.dialog', 'imported.hint', 'imported.problem', 'imported.panel', 'offline', 'heritage'] as const;
