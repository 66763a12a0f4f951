/** Which XML format a text is, by its root element; null when it is neither KML nor GPX. */
export function xmlFormatOf(text: string): 'kml' | 'gpx' | null {
  const root = /<(kml|gpx)[\s>]/i.exec(text.slice(0, 4096));
  return root ? (root[1]!.toLowerCase() as 'kml' | 'gpx') : null;
}
