// Layout, palette, themes and camera shots: pure functions of the model's shape.
import { describe, expect, it } from "vitest";
import { FRAME_MARGIN, frameRegion, orbit, shotsFor } from "../src/engine/camera.js";
import { project } from "../src/engine/project.js";
import { cellCenter, gridBounds } from "../src/engine/grid.js";
import { layoutModel, SHOT_NAMES } from "../src/explainers/llm/layout.js";
import { colorScale, divergingColor, hexToRgb, rgbToHex, valueColor } from "../src/layout/palette.js";
import { THEMES, ThemeSchema } from "../src/layout/themes.js";
import type { ModelConfig } from "../src/model/config.js";

const config: ModelConfig = { vocabSize: 114, contextLength: 32, dModel: 32, nLayer: 2, nHead: 4 };

describe("layout", () => {
  it("is a pure function of the model's shape and prompt length", () => {
    expect(layoutModel(config, 5)).toEqual(layoutModel(config, 5));
    expect(layoutModel(config, 6)).not.toEqual(layoutModel(config, 5));
  });

  it("gives every pipeline grid its own stretch of the x axis, in forward order", () => {
    const l = layoutModel(config, 7);
    const order = ["x0", "ln1", "q", "att", "attY", "attProj", "resid1", "ln2", "fc", "gelu", "fcProj", "resid2", "depth0", "depth1", "lnf", "bars"] as const;
    let lastMax = -Infinity;
    for (const id of order) {
      const b = gridBounds(l.grids[id]);
      expect(b.min[0], id).toBeGreaterThan(lastMax);
      lastMax = b.max[0];
    }
    // q, k, v share a column stretch, stacked without overlap
    const [q, k, v] = (["q", "k", "v"] as const).map((id) => gridBounds(l.grids[id]));
    expect(q.min[1]).toBeGreaterThan(k.max[1]);
    expect(k.min[1]).toBeGreaterThan(v.max[1]);
  });

  it("sizes grids from the shapes: (T, C) columns, (T, 4C) four deep, (T, T) matrices read top-down", () => {
    const l = layoutModel(config, 5);
    expect([l.grids.x0.cols, l.grids.x0.rows, l.grids.x0.depth]).toEqual([5, 32, 1]);
    expect([l.grids.fc.cols, l.grids.fc.rows, l.grids.fc.depth]).toEqual([5, 32, 4]);
    expect([l.grids.q.rows, l.grids.att.cols, l.grids.att.rows]).toEqual([8, 5, 5]);
    const a = cellCenter(l.grids.att, 0, 0);
    const b = cellCenter(l.grids.att, 0, 1);
    expect(b[1]).toBe(a[1] - 1);
    expect(l.tokenSlots).toHaveLength(6);
  });
});

describe("palette", () => {
  const theme = THEMES.pastel;
  it("maps negative to cool, zero to pale, positive to warm, saturating at ±1", () => {
    expect(rgbToHex(divergingColor(theme, -1))).toBe(theme.diverging.negative);
    expect(rgbToHex(divergingColor(theme, 0))).toBe(theme.diverging.zero);
    expect(rgbToHex(divergingColor(theme, 1))).toBe(theme.diverging.positive);
    expect(valueColor(theme, 5, 2)).toEqual(divergingColor(theme, 1));
    const warm = valueColor(theme, 0.5, 1);
    const cool = valueColor(theme, -0.5, 1);
    expect(warm[0]).toBeGreaterThan(warm[2]);
    expect(cool[2]).toBeGreaterThan(cool[0]);
  });

  it("scales by the tensor's largest |value|", () => {
    expect(colorScale([0.5, -2, 1])).toBe(2);
    expect(colorScale([0, 0])).toBe(1);
    expect(hexToRgb("#ff8000")).toEqual([1, 128 / 255, 0]);
  });

  it("has two valid themes with one accent per kind", () => {
    for (const t of Object.values(THEMES)) {
      expect(ThemeSchema.parse(t)).toEqual(t);
      expect(new Set(Object.values(t.accents)).size).toBe(5);
    }
    expect(() => ThemeSchema.parse({ ...THEMES.dark, background: "black" })).toThrow();
  });
});

describe("camera", () => {
  it("frames each named region inside the margins, centred in the free band, as near as it fits", () => {
    const l = layoutModel(config, 5);
    for (const aspect of [16 / 9, 9 / 16]) {
      const s = shotsFor(l.regions, aspect);
      expect(Object.keys(s)).toEqual([...SHOT_NAMES]);
      for (const name of SHOT_NAMES) {
        const r = l.regions[name];
        const pts: [number, number, number][] = [];
        for (const x of [r.min[0], r.max[0]]) for (const y of [r.min[1], r.max[1]]) for (const z of [r.min[2], r.max[2]]) pts.push([x, y, z]);
        const ps = pts.map((p) => project(s[name], p, aspect, 1));
        const [x0, x1] = [Math.min(...ps.map((p) => p.x)), Math.max(...ps.map((p) => p.x))];
        const [y0, y1] = [Math.min(...ps.map((p) => p.y)), Math.max(...ps.map((p) => p.y))];
        const m = FRAME_MARGIN;
        expect(x0, name).toBeGreaterThanOrEqual(m.side - 1e-6);
        expect(x1, name).toBeLessThanOrEqual(aspect - m.side + 1e-6);
        expect(y0, name).toBeGreaterThanOrEqual(m.top - 1e-6);
        expect(y1, name).toBeLessThanOrEqual(1 - m.bottom + 1e-6);
        expect((x0 + x1) / 2, `${name} centred across`).toBeCloseTo(aspect / 2, 2);
        expect((y0 + y1) / 2, `${name} centred in the band`).toBeCloseTo((m.top + 1 - m.bottom) / 2, 2);
        // as near as it fits: one pair of margins is (almost) touched
        expect(Math.max((x1 - x0) / (aspect - 2 * m.side), (y1 - y0) / (1 - m.top - m.bottom)), name).toBeGreaterThan(0.98);
      }
    }
    const wide = frameRegion(l.regions.overview, 21 / 9);
    const narrow = frameRegion(l.regions.overview, 1);
    expect(wide.position[2]).toBeLessThan(narrow.position[2]);
  });

  it("orbits about the target, keeping height and distance", () => {
    const s = { position: [10, 5, 20] as const, target: [0, 0, 0] as const, fov: 30 };
    const o = orbit(s, 30);
    expect(o.position[1]).toBe(5);
    expect(Math.hypot(o.position[0], o.position[2])).toBeCloseTo(Math.hypot(10, 20), 9);
    expect(orbit(s, 0)).toBe(s);
  });
});

describe("shading", () => {
  it("lights front faces at exactly 1 (true palette colour), tops brighter, hidden sides darker", async () => {
    const { BOX_FACE_NORMALS, boxVertexShades, faceShade } = await import("../src/layout/shading.js");
    for (const theme of Object.values(THEMES)) {
      const front = faceShade(theme, [0, 0, 1]);
      expect(Math.abs(front - 1)).toBeLessThan(0.002);
      expect(faceShade(theme, [0, 1, 0])).toBeGreaterThan(front);
      expect(faceShade(theme, [-1, 0, 0])).toBe(theme.light.ambient);
      const shades = boxVertexShades(theme);
      expect(shades[4 * 12]).toBe(Math.fround(front)); // the +z face's first vertex (float32)
      expect(shades.length).toBe(BOX_FACE_NORMALS.length * 4 * 3);
    }
  });
});
