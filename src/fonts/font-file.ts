/** A font file and the characters it serves (CSS unicode-range items). */
export interface FontFile {
  url: string;
  unicodeRange: string[];
}
