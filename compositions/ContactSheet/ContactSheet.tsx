// The contact sheet (`abacus sheet`): one still of every beat in a grid, each labelled with its beat and frame, under a title.
import React from "react";
import { AbsoluteFill, Img } from "remotion";
import { FONT_FAMILY, useFonts } from "../overlay/fonts.js";
import { type ContactSheetProps, sheetLayout, tileLabel } from "./layout.js";

/** A neutral dark frame for both themes; the outline keeps dark-theme tiles apart from it. */
const SHEET = { background: "#1d1f24", tileBackground: "#2a2d33", outline: "#4b505a", text: "#f2f2f4", muted: "#a3a7b0" };

/** One frame, its size from the props: see sheetLayout. */
export const calculateContactSheetMetadata = ({ props }: { props: ContactSheetProps }) => {
  const l = sheetLayout(props);
  return { width: l.width, height: l.height, fps: 30, durationInFrames: 1 };
};

export const ContactSheet: React.FC<ContactSheetProps> = (props) => {
  const l = sheetLayout(props);
  useFonts([props.title, ...props.summary, ...props.tiles.map(tileLabel)].join(" "));
  const line = (px: number): React.CSSProperties => ({ position: "absolute", left: l.gap, right: l.gap, fontSize: px, lineHeight: l.lineHeight, whiteSpace: "nowrap" });
  return (
    <AbsoluteFill style={{ backgroundColor: SHEET.background, color: SHEET.text, fontFamily: FONT_FAMILY }}>
      <div style={{ ...line(l.titlePx), top: l.titleY, fontWeight: 600 }}>{props.title}</div>
      {l.summaryLines.map((text, i) => (
        <div key={i} style={{ ...line(l.summaryPx), top: l.summaryY + i * l.summaryPx * l.lineHeight, color: SHEET.muted }}>{text}</div>
      ))}
      {props.tiles.map((t, i) => {
        const { tile, label } = l.cells[i];
        return (
          <React.Fragment key={i}>
            <Img
              src={t.src}
              style={{
                position: "absolute", left: tile.x, top: tile.y, width: tile.width, height: tile.height, display: "block",
                backgroundColor: SHEET.tileBackground, boxShadow: `0 0 0 ${l.outline}px ${SHEET.outline}`,
              }}
            />
            <div
              style={{
                position: "absolute", left: label.x, top: label.y, width: label.width, height: label.height,
                display: "flex", alignItems: "center", gap: l.labelPx * 0.4, fontSize: l.labelPx, whiteSpace: "nowrap", overflow: "hidden",
              }}
            >
              <span style={{ fontWeight: 600 }}>{t.beat}</span>
              <span style={{ color: SHEET.muted }}>· frame {t.frame}</span>
            </div>
          </React.Fragment>
        );
      })}
    </AbsoluteFill>
  );
};

/** What the Studio shows: an empty sheet (`abacus sheet` passes the tiles). */
export const CONTACT_SHEET_DEFAULTS: ContactSheetProps = {
  title: "ContactSheet",
  summary: ["abacus sheet <CompositionId> fills this with the middle frame of every beat"],
  tileWidth: 960,
  tileHeight: 540,
  columns: 3,
  tiles: [],
};
