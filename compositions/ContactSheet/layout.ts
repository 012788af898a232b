// The contact sheet's pure rules: which frame stands for a beat, tile scale, grid, labels, title lines and pixel layout.

/** The id of the contact sheet's composition in compositions/AbacusRoot.tsx (not an explainer: it has no beats). */
export const CONTACT_SHEET_ID = "ContactSheet";

/**
 * The frame that stands for a beat: its middle frame, `from + floor(durationInFrames / 2)`.
 * The one place for this rule (`abacus sheet`, scripts/beat-stills.ts, the tests and the README use it).
 */
export function middleFrame(beat: { from: number; durationInFrames: number }): number {
  return beat.from + Math.floor(beat.durationInFrames / 2);
}

/** One tile per beat, in beat order: the beat's id and its middle frame. */
export function sheetFrames(beats: readonly { id: string; from: number; durationInFrames: number }[]): { beat: string; frame: number }[] {
  return beats.map((b) => ({ beat: b.id, frame: middleFrame(b) }));
}

/** Tiles have about the area of 960×540 (half of 1080p), never more than the video itself. */
export const TILE_AREA = 960 * 540;

/** The render scale of the tiles: sqrt(TILE_AREA / (width × height)), at most 1 (0.5 for 1920×1080 and 1080×1920). */
export function tileScale(width: number, height: number): number {
  return Math.min(1, Math.sqrt(TILE_AREA / (width * height)));
}

/** The tile size for a video of width × height: its size at tileScale, in whole pixels. */
export function tileSize(width: number, height: number): { width: number; height: number } {
  const s = tileScale(width, height);
  return { width: Math.round(width * s), height: Math.round(height * s) };
}

/** At most 3 columns for landscape (and square) videos, 5 for portrait ones. */
export const MAX_COLUMNS = { landscape: 3, portrait: 5 } as const;

/**
 * Columns of the grid: the fewest rows that MAX_COLUMNS allows, then the fewest columns that
 * fill them (rows as even as can be: 4 tiles are 2 × 2, 7 portrait tiles 4 + 3).
 */
export function sheetColumns(tiles: number, width: number, height: number): number {
  const max = width >= height ? MAX_COLUMNS.landscape : MAX_COLUMNS.portrait;
  const n = Math.max(1, tiles);
  return Math.ceil(n / Math.ceil(n / max));
}

/** The label under a tile: "attention · frame 195". */
export function tileLabel(tile: { beat: string; frame: number }): string {
  return `${tile.beat} · frame ${tile.frame}`;
}

/**
 * The parts of the title's second line: the prompt, the size, fps and length, then every other prop as
 * "name value" (strings with spaces quoted; fields left unset are left out).
 */
export function propsSummary(props: Record<string, unknown>, frames: number): string[] {
  const { prompt, width, height, fps, durationInSeconds, ...rest } = props;
  const parts: string[] = [];
  if (prompt !== undefined) parts.push(JSON.stringify(prompt));
  if (width !== undefined && height !== undefined) parts.push(`${String(width)}×${String(height)}`);
  if (fps !== undefined) parts.push(`${String(fps)} fps`);
  if (durationInSeconds !== undefined) parts.push(`${String(durationInSeconds)} s (${frames} frames)`);
  for (const [k, v] of Object.entries(rest)) {
    if (v === undefined) continue;
    parts.push(`${k} ${typeof v === "string" && !/\s/.test(v) ? v : JSON.stringify(v)}`);
  }
  return parts;
}

/**
 * Joins parts with " · " into lines of at most `maxChars` characters, breaking between parts; a part
 * longer than a line (a long prompt) breaks between its words (a word longer than a line stands alone).
 */
export function wrapParts(parts: string[], maxChars: number): string[] {
  const lines: string[] = [];
  let line = "";
  const add = (piece: string, sep: string) => {
    const next = line === "" ? piece : `${line}${sep}${piece}`;
    if (line !== "" && next.length > maxChars) {
      lines.push(line);
      line = piece;
    } else {
      line = next;
    }
  };
  for (const p of parts) {
    if (p.length <= maxChars) {
      add(p, " · ");
      continue;
    }
    p.split(" ").forEach((word, i) => add(word, i === 0 ? " · " : " "));
  }
  if (line !== "") lines.push(line);
  return lines;
}

export interface SheetTile {
  /** The still, as a data: URL (or any URL the browser can load). */
  src: string;
  beat: string;
  frame: number;
}

export type ContactSheetProps = {
  /** First line: the composition id. */
  title: string;
  /** Second line, split into parts joined with " · " and wrapped to the sheet's width. */
  summary: string[];
  tileWidth: number;
  tileHeight: number;
  columns: number;
  tiles: SheetTile[];
};

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SheetLayout {
  width: number;
  height: number;
  /** Outer margin and the gap between cells. */
  gap: number;
  titlePx: number;
  summaryPx: number;
  labelPx: number;
  /** Width of the line drawn around each tile, outside it. */
  outline: number;
  titleY: number;
  summaryY: number;
  /** The summary, wrapped. */
  summaryLines: string[];
  lineHeight: number;
  /** Per tile: where the image goes and where its label goes (below it). */
  cells: { tile: Rect; label: Rect }[];
}

/** Average advance of an Inter character in em (measured on lower-case text and digits ≈ 0.52; kept generous). */
const CHAR_EM = 0.58;
const even = (n: number) => 2 * Math.ceil(n / 2);

/** Where everything goes, in pixels of the sheet; its size is a whole even number of pixels. */
export function sheetLayout(p: Pick<ContactSheetProps, "summary" | "tileWidth" | "tileHeight" | "columns"> & { tiles: readonly unknown[] }): SheetLayout {
  const n = p.tiles.length;
  const columns = Math.max(1, Math.min(p.columns, Math.max(1, n)));
  const rows = Math.max(1, Math.ceil(n / columns));
  // sizes follow the tiles' longer side: 1 for 960×540 tiles, never below 0.5
  const u = Math.max(0.5, Math.max(p.tileWidth, p.tileHeight) / 960);
  const gap = Math.round(24 * u);
  const titlePx = Math.round(40 * u);
  const summaryPx = Math.round(26 * u);
  const labelPx = Math.round(26 * u);
  const outline = Math.max(1, Math.round(2 * u));
  const lineHeight = 1.3;
  const labelBand = Math.round(labelPx * 1.9);
  const width = even(columns * p.tileWidth + (columns + 1) * gap);
  const summaryLines = wrapParts(p.summary, Math.max(10, Math.floor((width - 2 * gap) / (summaryPx * CHAR_EM))));
  const titleY = gap;
  const summaryY = titleY + Math.round(titlePx * lineHeight);
  const headerBottom = summaryY + Math.round(summaryLines.length * summaryPx * lineHeight) + Math.round(gap * 0.75);
  const cells = Array.from({ length: n }, (_, i) => {
    const col = i % columns;
    const row = Math.floor(i / columns);
    const x = gap + col * (p.tileWidth + gap);
    const y = headerBottom + row * (p.tileHeight + labelBand + gap);
    return { tile: { x, y, width: p.tileWidth, height: p.tileHeight }, label: { x, y: y + p.tileHeight, width: p.tileWidth, height: labelBand } };
  });
  const height = even(headerBottom + rows * (p.tileHeight + labelBand) + (rows - 1) * gap + gap);
  return { width, height, gap, titlePx, summaryPx, labelPx, outline, titleY, summaryY, summaryLines, lineHeight, cells };
}
