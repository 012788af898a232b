// The two looks, as zod-validated data: pastel (light, the default) and dark.

import { z } from "zod";

const Hex = z.string().regex(/^#[0-9a-f]{6}$/i, "a colour like #a1b2c3");

export const ThemeSchema = z
  .object({
    name: z.string(),
    background: Hex,
    fog: Hex,
    /** The ground plane under the blocks, where their contact shadows fall. */
    ground: Hex,
    text: Hex,
    textMuted: Hex,
    captionBackground: z.string(),
    /** The one diverging value map: negative, near zero, positive. */
    diverging: z.object({ negative: Hex, zero: Hex, positive: Hex }).strict(),
    /** One accent per kind of tensor, used for labels, structures and captions. */
    accents: z.object({ token: Hex, activation: Hex, weight: Hex, attention: Hex, output: Hex }).strict(),
    structure: z.object({ color: Hex, opacity: z.number().min(0).max(1) }).strict(),
    masked: Hex,
    /**
     * Light as fractions of full white: a front face (normal +z) receives ambient + key × KEY_LIGHT_DIR.z,
     * which the themes keep at exactly 1 so that front faces show the palette colour unchanged.
     */
    light: z.object({ ambient: z.number().min(0), key: z.number().min(0) }).strict(),
  })
  .strict();

export type Theme = z.infer<typeof ThemeSchema>;
export type Kind = keyof Theme["accents"];

export const THEMES = {
  pastel: ThemeSchema.parse({
    name: "pastel",
    background: "#f5f1ea",
    fog: "#f5f1ea",
    ground: "#ede7dd",
    text: "#2f2b3a",
    textMuted: "#7a7487",
    captionBackground: "rgba(255, 252, 246, 0.82)",
    diverging: { negative: "#5b8fd9", zero: "#f3eee6", positive: "#ee7d5b" },
    accents: { token: "#8a84a3", activation: "#4fb3a9", weight: "#a58bd8", attention: "#7cc47f", output: "#e8b04b" },
    structure: { color: "#b9c7d8", opacity: 0.18 },
    masked: "#d9d4cc",
    light: { ambient: 0.7, key: 0.75 },
  }),
  dark: ThemeSchema.parse({
    name: "dark",
    background: "#11131a",
    fog: "#11131a",
    ground: "#161922",
    text: "#ece8f4",
    textMuted: "#9a96a8",
    captionBackground: "rgba(17, 19, 26, 0.78)",
    diverging: { negative: "#4a9df0", zero: "#2c3040", positive: "#ff8a5c" },
    accents: { token: "#b7b0d6", activation: "#5fd0c4", weight: "#b89cf0", attention: "#8fe092", output: "#f5c563" },
    structure: { color: "#6f86a6", opacity: 0.16 },
    masked: "#3a3e4c",
    light: { ambient: 0.62, key: 0.95 },
  }),
} as const satisfies Record<string, Theme>;

export type ThemeName = keyof typeof THEMES;

/** Direction towards the key light (unit length): from above, a little right and in front. */
export const KEY_LIGHT_DIR: readonly [number, number, number] = (() => {
  const n = Math.hypot(0.45, 0.8, 0.4);
  return [0.45 / n, 0.8 / n, 0.4 / n];
})();
