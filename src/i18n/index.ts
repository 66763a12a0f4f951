import { createI18n } from 'vue-i18n';
import { messages, type Lang } from './messages';

/** Chinese for Chinese-language browsers, English otherwise (the switch comes with the language menu). */
export function initialLang(): Lang {
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function createAppI18n(lang: Lang = initialLang()) {
  return createI18n({ legacy: false, locale: lang, fallbackLocale: 'en', messages });
}
