import { useI18n } from 'vue-i18n';
import type { GeoFeature } from '../data/schema';

/** Names in the reader's language first, the other language second. */
export function useNames() {
  const { locale } = useI18n();
  const primary = (f: GeoFeature) => (locale.value === 'en' ? f.properties.name_en : f.properties.name_zh);
  const secondary = (f: GeoFeature) => (locale.value === 'en' ? f.properties.name_zh : f.properties.name_en);
  return { primary, secondary };
}
