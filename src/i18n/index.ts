import { createI18n } from 'vue-i18n';
import { messages, type Lang } from './messages';
import { initialLang } from './use-language';

export function createAppI18n(lang: Lang = initialLang()) {
  return createI18n({ legacy: false, locale: lang, fallbackLocale: 'en', messages });
}
