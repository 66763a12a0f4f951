import { watch } from 'vue';
import { useI18n } from 'vue-i18n';
import type { Lang } from './messages';

export const LANG_STORAGE_KEY = 'zjcn.lang';

export const isLang = (value: unknown): value is Lang => value === 'zh' || value === 'en';

/** The saved choice, if any; otherwise the browser's language (Chinese for zh-*, else English). */
export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(LANG_STORAGE_KEY);
    if (isLang(saved)) return saved;
  } catch {
    // Storage can be disabled (privacy mode); the browser language still works.
  }
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** Keeps <html lang> in step with the interface language; installed once, by App. */
export function syncHtmlLang() {
  const { locale } = useI18n({ useScope: 'global' });
  if (import.meta.env.SSR) return;
  watch(
    locale,
    (lang) => {
      document.documentElement.lang = lang === 'zh' ? 'zh-Hans' : 'en';
    },
    { immediate: true },
  );
}

/** The interface language and the switch that changes and saves it. */
export function useLanguage() {
  const { locale } = useI18n({ useScope: 'global' });
  function setLanguage(lang: Lang) {
    locale.value = lang;
    try {
      localStorage.setItem(LANG_STORAGE_KEY, lang);
    } catch {
      // Not saved: the choice still holds for this visit.
    }
  }
  return { locale, setLanguage };
}
