import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { useCatalog } from '../data/use-catalog';
import type { GeoFeature } from '../data/schema';
import { ZONE_COLOURS } from '../map/palette';
import { useSelectionStore } from '../stores/selection';
import { siteNumberOf } from '../synthetic/sites';
import { useNames } from './use-names';

/** What a details header shows (DetailsHeader's props). */
export interface DetailsHead {
  kind: string;
  name: string;
  secondary: string;
  accent: string;
  focusKey: string | number;
  dashed?: boolean;
  /** a test id for the second line (the synthetic site's "test data" label) */
  secondaryTestid?: string;
}

/**
 * The header of a feature's or a synthetic site's details, derived from state alone: the side
 * panel shows it above the details, the phone's sheet in its title row (SheetHeader), and both
 * render the same way in the prerender and in the browser.
 */
export function useDetailsHead() {
  const { t } = useI18n();
  const { primary, secondary } = useNames();
  const catalog = useCatalog();
  const selection = useSelectionStore();

  const ofFeature = (f: GeoFeature): DetailsHead => ({
    kind: t(`kind.${f.properties.kind}`),
    name: primary(f),
    secondary: secondary(f),
    accent: f.properties.zone ? ZONE_COLOURS[f.properties.zone] : 'var(--ink-faint)',
    focusKey: f.properties.id,
  });
  const ofSite = (n: number): DetailsHead => ({
    kind: t('synthetic.kind'),
    name: t('synthetic.title', { n }),
    secondary: t('synthetic.label'),
    accent: '#4f5b6b',
    focusKey: n,
    dashed: true,
    secondaryTestid: 'synthetic-label',
  });
  /** the selection's header, or null when nothing (known) is selected */
  const ofSelection = computed((): DetailsHead | null => {
    const site = siteNumberOf(selection.selectedId);
    if (site) return ofSite(site);
    const f = selection.selectedId ? catalog.byId.get(selection.selectedId) : undefined;
    return f ? ofFeature(f) : null;
  });
  return { ofFeature, ofSite, ofSelection };
}
