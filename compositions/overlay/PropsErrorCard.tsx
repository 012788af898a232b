// Shown in the Studio's preview in place of the scene when the props do not fit the model: field, expected, actual.
import React from "react";
import type { InputError } from "../../src/errors.js";
import type { Theme } from "../../src/layout/themes.js";
import { FONT_FAMILY } from "./fonts.js";

const TITLE = "These props cannot be shown";

/** Every piece of text the card shows: what the fonts must cover. */
export const propsErrorText = (error: InputError) => `${TITLE} ${error.field} expected ${error.expected} got ${error.actual} ${error.hint ?? ""}`;

export const PropsErrorCard: React.FC<{ error: InputError; theme: Theme; width: number; height: number }> = ({ error, theme, width, height }) => {
  const size = Math.max(12, Math.min(height * 0.032, width * 0.03));
  const row = (label: string, text: string) => (
    <div style={{ display: "flex", gap: size * 0.6, marginTop: size * 0.5 }}>
      <span style={{ color: theme.textMuted, minWidth: size * 5 }}>{label}</span>
      <span>{text}</span>
    </div>
  );
  return (
    <div style={{ position: "absolute", inset: 0, display: "flex", alignItems: "center", justifyContent: "center", backgroundColor: theme.background }}>
      <div
        style={{
          fontFamily: FONT_FAMILY,
          fontSize: size,
          color: theme.text,
          background: theme.captionBackground,
          border: `2px solid ${theme.diverging.positive}`,
          borderRadius: size * 0.6,
          padding: `${size}px ${size * 1.4}px`,
          maxWidth: width * 0.8,
        }}
      >
        <div style={{ fontWeight: 600, color: theme.diverging.positive }}>{TITLE}</div>
        {row("field", error.field)}
        {row("expected", error.expected)}
        {row("got", error.actual)}
        {error.hint ? row("hint", error.hint) : null}
      </div>
    </div>
  );
};
