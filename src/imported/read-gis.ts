import { DOMParser } from '@xmldom/xmldom';
import { gpx, kml } from '@tmcw/togeojson';
import type { Feature } from 'geojson';
import { ImportFailure } from './problem';
import { readFeatures } from './read-geojson';

/**
 * The sites of a KML (Google Earth, 两步路, 奥维互动地图) or GPX file, converted to GeoJSON by
 * togeojson: placemarks and waypoints with a point become sites (with their name and other fields);
 * tracks, routes, lines and areas are counted as left out. Parsed without a browser (xmldom: this
 * runs in a worker), and no external entity or DTD is ever fetched.
 */
export function readGis(text: string, format: 'kml' | 'gpx') {
  let doc: Document;
  const errors: string[] = [];
  try {
    doc = new DOMParser({ onError: (level: string, message: string) => void (level !== 'warning' && errors.push(message)) }).parseFromString(text, 'text/xml') as unknown as Document;
  } catch (e) {
    throw new ImportFailure('notXml', { format: format.toUpperCase(), message: String((e as Error).message ?? e).split('\n')[0]!.slice(0, 200) });
  }
  if (errors.length || !doc?.documentElement) throw new ImportFailure('notXml', { format: format.toUpperCase(), message: (errors[0] ?? 'no root element').split('\n')[0]!.slice(0, 200) });
  const collection = format === 'kml' ? kml(doc) : gpx(doc);
  const features = collection.features as Feature[];
  // togeojson keeps styling and timing keys beside the file's own fields: leave out what a person did not write.
  for (const f of features) {
    if (!f.properties) continue;
    for (const k of Object.keys(f.properties)) if (/^(styleUrl|styleHash|styleMapHash|stroke|fill|icon|_gpxType|coordinateProperties|visibility|timespan|times)/.test(k)) delete f.properties[k];
  }
  return readFeatures(features);
}
