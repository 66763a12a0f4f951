import type { MapSnapshot } from '../map/snapshot';
import { PALETTE } from '../map/palette';
import type { LegendItem } from './legend-items';
import { scaleBar, type ScaleBar } from './scale-bar';

/** What the picture says besides the map, in the interface language. */
export interface MapPngTexts {
  title: string;
  legendTitle: string;
  legend: LegendItem[];
  scaleLabel(bar: ScaleBar): string;
  /** the report the map is read against, cited */
  report: string;
  /** the day the picture was made, as the interface writes dates */
  date: string;
}

/** The interface's own faces (src/styles/base.css), loaded on the page already. */
const FONT_STACK = "'Noto Sans', 'Noto Sans SC', 'Noto Sans SC Fallback', system-ui, sans-serif";
const font = (px: number, weight = 400) => `${weight} ${px}px ${FONT_STACK}`;
const PANEL = 'rgba(255, 255, 255, 0.92)';
const RULE = '#d9d6cc';

/** Greedy line breaks at spaces and between Chinese characters; a Latin word or a number stays whole. */
export function wrapText(ctx: Pick<CanvasRenderingContext2D, 'measureText'>, text: string, max: number): string[] {
  const units = text.match(/[^\s\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]+\s*|\s+|./gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const u of units) {
    if (line && ctx.measureText(line + u).width > max) {
      lines.push(line.trimEnd());
      line = u.trimStart();
    } else line += u;
  }
  if (line) lines.push(line.trimEnd());
  return lines;
}

function roundedBox(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number) {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, 6);
  ctx.fillStyle = PANEL;
  ctx.fill();
  ctx.strokeStyle = RULE;
  ctx.lineWidth = 1;
  ctx.stroke();
}

/** One legend swatch, drawn as the legend panel draws it (LegendPanel.vue's CSS), in a w × h box. */
function drawSwatch(ctx: CanvasRenderingContext2D, item: LegendItem, x: number, y: number, w: number, h: number) {
  const { kind, colours } = item.swatch;
  const gap = 2;
  const each = (w - gap * (colours.length - 1)) / colours.length;
  colours.forEach((c, i) => {
    const x0 = x + i * (each + gap);
    ctx.save();
    if (kind === 'fill') {
      ctx.globalAlpha = 0.35;
      ctx.fillStyle = c;
      ctx.fillRect(x0, y, each, h);
      ctx.globalAlpha = 1;
      ctx.strokeStyle = c;
      ctx.lineWidth = 1.5;
      ctx.strokeRect(x0 + 0.75, y + 0.75, each - 1.5, h - 1.5);
    } else if (kind === 'line') {
      ctx.fillStyle = c;
      ctx.fillRect(x0, y + h / 2 - 2, each, 4);
    } else if (kind === 'dash') {
      ctx.strokeStyle = c;
      ctx.lineWidth = 3;
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(x0, y + h / 2);
      ctx.lineTo(x0 + each, y + h / 2);
      ctx.stroke();
    } else {
      const r = h / 2;
      ctx.beginPath();
      ctx.arc(x0 + r + 1, y + r, r, 0, Math.PI * 2);
      ctx.fillStyle = c;
      ctx.fill();
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 2;
      ctx.stroke();
    }
    ctx.restore();
  });
}

/** Waits for the faces every text needs (a face is fetched only for the characters it is used for). */
async function loadFonts(texts: string[]): Promise<void> {
  const all = texts.join(' ');
  await Promise.all([font(12), font(12, 600)].map((f) => document.fonts.load(f, all).catch(() => [])));
}

/**
 * The map as a PNG at its canvas's own size: the picture, and over it the legend (top left),
 * a scale bar (bottom left) and a strip with the credits, the report cited and the date.
 */
export async function renderMapPng(snapshot: MapSnapshot, texts: MapPngTexts): Promise<Blob> {
  const { image, pixelRatio: dpr } = snapshot;
  const width = image.width / dpr;
  const height = image.height / dpr;
  const bar = scaleBar(snapshot.zoom, snapshot.latitude, Math.min(120, width / 4));
  const scaleText = texts.scaleLabel(bar);
  await loadFonts([texts.title, texts.legendTitle, ...texts.legend.map((l) => l.label), scaleText, snapshot.attribution, texts.report, texts.date]);

  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(image, 0, 0);
  // From here on, in CSS pixels: the overlays are as large as the page's own.
  ctx.scale(dpr, dpr);
  ctx.textBaseline = 'middle';

  // The credits strip along the bottom: the map's attribution, the report, the date.
  const pad = 8;
  ctx.font = font(11);
  const creditLines = [snapshot.attribution, texts.report, texts.date].filter(Boolean).flatMap((t) => wrapText(ctx, t, width - 2 * pad));
  const lineH = 15;
  const stripH = creditLines.length * lineH + pad;
  const stripY = height - stripH;
  ctx.fillStyle = PANEL;
  ctx.fillRect(0, stripY, width, stripH);
  ctx.fillStyle = RULE;
  ctx.fillRect(0, stripY, width, 1);
  ctx.fillStyle = PALETTE.inkSoft;
  creditLines.forEach((line, i) => ctx.fillText(line, pad, stripY + pad / 2 + lineH * (i + 0.5)));

  // The scale bar, above the strip.
  ctx.font = font(11, 600);
  const scaleW = Math.max(bar.pixels, ctx.measureText(scaleText).width) + 16;
  const scaleY = stripY - 8 - 34;
  roundedBox(ctx, 8, scaleY, scaleW, 34);
  ctx.fillStyle = PALETTE.ink;
  ctx.fillText(scaleText, 16, scaleY + 11);
  ctx.strokeStyle = PALETTE.ink;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(16, scaleY + 20);
  ctx.lineTo(16, scaleY + 26);
  ctx.lineTo(16 + bar.pixels, scaleY + 26);
  ctx.lineTo(16 + bar.pixels, scaleY + 20);
  ctx.stroke();

  // The legend, top left: the app's name, then each shown group.
  const rowH = 20;
  const swatchW = 30;
  ctx.font = font(13, 600);
  const titleW = ctx.measureText(texts.title).width;
  ctx.font = font(12);
  const labelW = Math.max(0, ...texts.legend.map((l) => ctx.measureText(l.label).width));
  const boxW = Math.min(width - 16, Math.max(titleW, swatchW + 8 + labelW) + 20);
  const boxH = 10 + 20 + (texts.legend.length ? 16 + texts.legend.length * rowH : 0) + 6;
  roundedBox(ctx, 8, 8, boxW, boxH);
  ctx.fillStyle = PALETTE.ink;
  ctx.font = font(13, 600);
  ctx.fillText(texts.title, 18, 8 + 10 + 10, boxW - 20);
  if (texts.legend.length) {
    ctx.font = font(10, 600);
    ctx.fillStyle = PALETTE.inkSoft;
    ctx.fillText(texts.legendTitle.toUpperCase(), 18, 8 + 30 + 8);
    ctx.font = font(12);
    texts.legend.forEach((item, i) => {
      const y = 8 + 30 + 16 + i * rowH;
      drawSwatch(ctx, item, 18, y + 4, swatchW, 11);
      ctx.fillStyle = PALETTE.ink;
      ctx.fillText(item.label, 18 + swatchW + 8, y + rowH / 2, boxW - swatchW - 28);
    });
  }

  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be encoded'))), 'image/png'));
}
