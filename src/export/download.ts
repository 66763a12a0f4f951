/** Hands the browser a file to save (CSV, GeoJSON), made in the page: no request leaves it. */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  a.click();
  // The click has started the download by the time a task has passed.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const downloadGeoJSON = (filename: string, data: unknown) => downloadText(filename, JSON.stringify(data, null, 1), 'application/geo+json');
