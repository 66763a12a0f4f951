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
