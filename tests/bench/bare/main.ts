/**
 * The benchmark's baseline: the same geo/ data and the same maplibre-gl, on a page with nothing
 * else — no Vue, no pinia, no router, no i18n, no data validation, no panel. Simple styles (zones
 * fill + line, Line 2, stations, buildings, places, districts) and the same self-hosted label fonts
 * through the style's `font-faces` (src/map/font-faces.ts), bilingual labels as the app draws them.
 * Not the app's basemap extras (roads, water, green, airport, walk bands). Built by
 * tests/bench/run.ts with the app's own Vite config, so both get the same plugins and chunking.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MlMap, setWorkerUrl, type ExpressionSpecification, type LayerSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { FeatureCollection } from 'geojson';
import { areaLabels } from 'virtual:derived-geo';
import { MAP_FONT, mapFontFaces } from '../../../src/map/font-faces';
import districts from '../../../geo/districts.geojson?raw';
import zones from '../../../geo/zones.geojson?raw';
import line2 from '../../../geo/metro-line2.geojson?raw';
import stations from '../../../geo/stations.geojson?raw';
import buildings from '../../../geo/key-buildings.geojson?raw';
import places from '../../../geo/places.geojson?raw';

setWorkerUrl(workerUrl);

const data = {
  districts: JSON.parse(districts) as FeatureCollection,
  zones: JSON.parse(zones) as FeatureCollection,
  line2: JSON.parse(line2) as FeatureCollection,
  stations: JSON.parse(stations) as FeatureCollection,
  buildings: JSON.parse(buildings) as FeatureCollection,
  places: JSON.parse(places) as FeatureCollection,
};
// Unlocated places have no geometry; MapLibre wants only located ones.
data.places.features = data.places.features.filter((f) => f.geometry);

const font = [MAP_FONT];
const text: ExpressionSpecification = ['format', ['get', 'name_en'], {}, '\n', {}, ['get', 'name_zh'], { 'font-scale': 0.78 }];
const zoneColour: ExpressionSpecification = ['match', ['get', 'zone'], 'east', '#0072B2', 'central', '#E69F00', 'west', '#CC79A7', '#5b6270'];
const halo = { 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 };
const layers: LayerSpecification[] = [
  { id: 'background', type: 'background', paint: { 'background-color': '#f2f1ec' } },
  { id: 'districts-fill', type: 'fill', source: 'districts', paint: { 'fill-color': ['case', ['==', ['get', 'class'], 'focus'], '#fbfaf7', '#f2f1ec'] } },
  { id: 'districts-line', type: 'line', source: 'districts', paint: { 'line-color': '#a8a69d', 'line-width': 1 } },
  { id: 'zones-fill', type: 'fill', source: 'zones', paint: { 'fill-color': zoneColour, 'fill-opacity': 0.17 } },
  { id: 'zones-line', type: 'line', source: 'zones', paint: { 'line-color': zoneColour, 'line-width': 1.8 } },
  { id: 'line2', type: 'line', source: 'line2', paint: { 'line-color': '#97D700', 'line-width': 4 } },
  { id: 'places-fill', type: 'fill', source: 'places', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#6b5b95', 'fill-opacity': 0.06 } },
  { id: 'places-line', type: 'line', source: 'places', filter: ['!=', ['geometry-type'], 'Point'], paint: { 'line-color': '#6b5b95', 'line-width': 1.6 } },
  { id: 'stations', type: 'circle', source: 'stations', paint: { 'circle-color': '#ffffff', 'circle-radius': 5, 'circle-stroke-color': '#4d7a00', 'circle-stroke-width': 2.5 } },
  { id: 'places', type: 'circle', source: 'places', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-color': '#ffffff', 'circle-radius': 4.5, 'circle-stroke-color': '#6b5b95', 'circle-stroke-width': 2 } },
  { id: 'buildings', type: 'circle', source: 'buildings', paint: { 'circle-color': '#1d2430', 'circle-radius': 6, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 } },
  { id: 'districts-label', type: 'symbol', source: 'labels', filter: ['==', ['get', 'kind'], 'district'], layout: { 'text-field': ['get', 'name_en'], 'text-font': font, 'text-size': 13 }, paint: { 'text-color': '#8b897f', ...halo } },
  { id: 'stations-label', type: 'symbol', source: 'stations', layout: { 'text-field': text, 'text-font': font, 'text-size': 12, 'text-variable-anchor': ['top', 'bottom', 'left', 'right'], 'text-radial-offset': 0.9 }, paint: { 'text-color': '#4d7a00', ...halo } },
  { id: 'places-label', type: 'symbol', source: 'places', minzoom: 13.2, layout: { 'text-field': text, 'text-font': font, 'text-size': 11, 'text-max-width': 9, 'text-variable-anchor': ['left', 'right', 'top', 'bottom'], 'text-radial-offset': 0.8 }, paint: { 'text-color': '#6b5b95', ...halo } },
  { id: 'buildings-label', type: 'symbol', source: 'buildings', minzoom: 13.4, layout: { 'text-field': text, 'text-font': font, 'text-size': 12, 'text-max-width': 9, 'text-variable-anchor': ['right', 'left', 'top', 'bottom'], 'text-radial-offset': 0.9 }, paint: { 'text-color': '#1d2430', ...halo } },
  { id: 'zones-label', type: 'symbol', source: 'labels', filter: ['==', ['get', 'kind'], 'zone'], layout: { 'text-field': text, 'text-font': font, 'text-size': 17, 'text-padding': 6 }, paint: { 'text-color': zoneColour, ...halo } },
];

// The same frame as the app: the three zones and Line 2's stations, a phone's 16 px margin or a desktop's 40.
let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
const extend = (c: unknown): void => {
  if (Array.isArray(c) && typeof c[0] === 'number') {
    [w, s, e, n] = [Math.min(w, c[0]), Math.min(s, c[1] as number), Math.max(e, c[0]), Math.max(n, c[1] as number)];
  } else if (Array.isArray(c)) c.forEach(extend);
};
for (const f of [...data.zones.features, ...data.stations.features]) if (f.geometry && 'coordinates' in f.geometry) extend(f.geometry.coordinates);

const map = new MlMap({
  container: 'map',
  style: {
    version: 8,
    'font-faces': mapFontFaces(),
    sources: {
      ...Object.fromEntries(Object.entries(data).map(([id, d]) => [id, { type: 'geojson' as const, data: d }])),
      labels: { type: 'geojson', data: areaLabels },
    },
    layers,
  },
  bounds: [w, s, e, n],
  fitBoundsOptions: { padding: window.innerWidth <= 640 ? 16 : 40 },
  minZoom: 10,
  maxZoom: 18,
});
map.once('idle', () => performance.mark('map-first-idle'));
