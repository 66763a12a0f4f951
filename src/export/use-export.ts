import { walkBands } from 'virtual:derived-geo';
import type { Feature, FeatureCollection } from 'geojson';
import type { GeoFeature } from '../data/schema';
import { useI18n } from 'vue-i18n';
import { useCatalog } from '../data/use-catalog';
import { useLayersStore } from '../stores/layers';
import { useImportedStore } from '../stores/imported';
import { importedSitesGeoJSON } from '../imported/sites-geojson';
import { downloadGeoJSON } from './download';
import { featureGeoJSON, shownLayersGeoJSON, type ExportMeta } from './layers-geojson';

/** The panel's "download as GeoJSON" verbs: the shown layers, or one feature. */
export function useExport() {
  const { t } = useI18n();
  const catalog = useCatalog();
  const layers = useLayersStore();
  const imported = useImportedStore();
  const meta = (): ExportMeta => ({
    attribution: t('map.attribution'),
    report: t('app.reportCitation', { title: catalog.report.title, author: catalog.report.author, date: catalog.report.date }),
    exported: new Date().toISOString(),
  });
  return {
    shownLayers() {
      const data = shownLayersGeoJSON(catalog, walkBands as FeatureCollection, layers.visible, meta());
      // The person's own sites are shown too, when they are: they go along, named as theirs.
      if (imported.layer && imported.visible) {
        const sites = importedSitesGeoJSON(imported.layer, (id) => catalog.byId.get(id)!);
        data.layers = [...(data.layers ?? []), 'imported'];
        data.features.push(...sites.features.map((f) => ({ ...f, properties: { ...f.properties, layer: 'imported' } })));
      }
      downloadGeoJSON(`${data.name}.geojson`, data);
    },
    feature(f: GeoFeature) {
      const data = featureGeoJSON(f as unknown as Feature, meta());
      downloadGeoJSON(`${data.name}.geojson`, data);
    },
  };
}
