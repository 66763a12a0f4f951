/** Hands the browser a file to save (CSV, GeoJSON, PNG), made in the page: no request leaves it. */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  a.click();
  // The click has started the download by the time a task has passed.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const downloadText = (filename: string, text: string, type: string) => downloadBlob(filename, new Blob([text], { type }));

export const downloadGeoJSON = (filename: string, data: unknown) => downloadText(filename, JSON.stringify(data, null, 1), 'application/geo+json');
