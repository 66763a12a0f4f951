import { walkBands } from 'virtual:derived-geo';
import type { Feature, FeatureCollection } from 'geojson';
import type { GeoFeature } from '../data/schema';
import { useI18n } from 'vue-i18n';
import { loadProse, withProse } from '../data/prose';
import { useCatalog } from '../data/use-catalog';
import { useLayersStore } from '../stores/layers';
import { useImportedStore } from '../stores/imported';
import { importedSitesGeoJSON } from '../imported/sites-geojson';
import { takeMapSnapshot } from '../map/snapshot-port';
import { downloadBlob, downloadGeoJSON } from './download';
import { legendItems } from './legend-items';
import { featureGeoJSON, shownLayersGeoJSON, type ExportMeta } from './layers-geojson';

/** The panel's download verbs: the shown layers or one feature as GeoJSON, the map as a PNG. */
export function useExport() {
  const { t, locale } = useI18n();
  const catalog = useCatalog();
  const layers = useLayersStore();
  const imported = useImportedStore();
  const meta = (): ExportMeta => ({
    attribution: t('map.attribution'),
    report: t('app.reportCitation', { title: catalog.report.title, author: catalog.report.author, date: catalog.report.date }),
    exported: new Date().toISOString(),
  });
  return {
    async shownLayers() {
      // The historic buildings (OpenStreetMap) load on demand: fetched here when their layer is shown.
      const heritage = layers.visible.heritage ? await (await import('../heritage/heritage-data')).loadHeritage() : [];
      // Each feature as authored: its provenance prose is not in start-up's data, but it goes in the file.
      const prose = await loadProse();
      const data = shownLayersGeoJSON(catalog, walkBands as FeatureCollection, layers.visible, meta(), heritage as unknown as Feature[]);
      data.features = data.features.map((f) => withProse(f as unknown as GeoFeature, prose) as unknown as Feature);
      // The person's own sites are shown too, when they are: they go along, named as theirs.
      if (imported.layer && imported.visible) {
        const sites = importedSitesGeoJSON(imported.layer, (id) => catalog.byId.get(id)!);
        data.layers = [...(data.layers ?? []), 'imported'];
        data.features.push(...sites.features.map((f) => ({ ...f, properties: { ...f.properties, layer: 'imported' } })));
      }
      downloadGeoJSON(`${data.name}.geojson`, data);
    },
    async feature(f: GeoFeature) {
      const data = featureGeoJSON(withProse(f, await loadProse()) as unknown as Feature, meta());
      downloadGeoJSON(`${data.name}.geojson`, data);
    },
    /** The map as drawn now, with legend, scale, credits and date drawn in (the drawing code loads on first use). */
    async mapPng() {
      const [{ renderMapPng }, snapshot] = await Promise.all([import('./map-png'), takeMapSnapshot()]);
      const now = new Date();
      const day = new Intl.DateTimeFormat(locale.value === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'long' }).format(now);
      const blob = await renderMapPng(snapshot, {
        title: t('app.title'),
        legendTitle: t('panel.legend'),
        legend: legendItems(
          layers.visible,
          (g) => t(`layers.${g}`),
          imported.layer && imported.visible ? t('imported.legend', { file: imported.layer.fileName, n: imported.layer.sites.length.toLocaleString(locale.value) }) : undefined,
        ),
        scaleLabel: (bar) => t(bar.unit === 'km' ? 'export.pngScaleKm' : 'export.pngScaleM', { n: bar.value.toLocaleString(locale.value) }),
        report: t('export.pngReport', { citation: meta().report }),
        date: t('export.pngDate', { date: day }),
      });
      downloadBlob(`zjcn-map-${now.toISOString().slice(0, 10)}.png`, blob);
    },
  };
}
