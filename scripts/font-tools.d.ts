/** The two font tools the subset build step uses; neither ships its own types. */
declare module 'subset-font' {
  export interface SubsetFontOptions {
    targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2';
    preserveNameIds?: number[];
    keepFeatures?: string[];
    noLayoutClosure?: boolean;
  }
  export default function subsetFont(font: Uint8Array, text: string, options?: SubsetFontOptions): Promise<Buffer>;
}

/** A dependency of subset-font: converts between sfnt, woff and woff2 (wawoff2). */
declare module 'fontverter' {
  export function detectFormat(font: Buffer): 'sfnt' | 'woff' | 'woff2';
  export function convert(font: Buffer, to: 'sfnt' | 'truetype' | 'woff' | 'woff2', from?: string): Promise<Buffer>;
}
