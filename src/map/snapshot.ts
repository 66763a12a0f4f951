import type { Map as MlMap } from 'maplibre-gl';

/** The map as drawn now, copied out of WebGL, with what a picture of it needs to say about itself. */
export interface MapSnapshot {
  /** a 2D copy of the canvas, at its drawing-buffer size (CSS size × device pixel ratio) */
  image: HTMLCanvasElement;
  /** device pixels per CSS pixel of the drawing */
  pixelRatio: number;
  zoom: number;
  /** latitude at the centre of the view, for the scale */
  latitude: number;
  /** the credits the map shows, as text (its attribution control) */
  attribution: string;
}

/**
 * The map's canvas keeps no drawing buffer between frames (preserveDrawingBuffer off, for speed),
 * so it is read inside a 'render' event, while the frame just drawn is still in the buffer, after
 * asking for one more frame.
 */
export function captureMap(map: MlMap): Promise<MapSnapshot> {
  return new Promise((resolve, reject) => {
    map.once('render', () => {
      try {
        const source = map.getCanvas();
        const image = document.createElement('canvas');
        image.width = source.width;
        image.height = source.height;
        image.getContext('2d')!.drawImage(source, 0, 0);
        const credits = map.getContainer().querySelector('.maplibregl-ctrl-attrib-inner')?.textContent ?? '';
        resolve({
          image,
          pixelRatio: source.width / Math.max(1, source.clientWidth),
          zoom: map.getZoom(),
          latitude: map.getCenter().lat,
          attribution: credits.replace(/\s+/g, ' ').trim(),
        });
      } catch (e) {
        reject(e as Error);
      }
    });
    map.triggerRepaint();
  });
}
