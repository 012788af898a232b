// Local fonts from npm (Inter for Latin, Noto Sans SC for Chinese, JetBrains Mono for code), so renders work offline.
import "@fontsource/inter/400.css";
import "@fontsource/inter/600.css";
import "@fontsource/noto-sans-sc/400.css";
import "@fontsource/noto-sans-sc/500.css";
import "@fontsource/jetbrains-mono/400.css";
import "@fontsource/jetbrains-mono/600.css";
import { useEffect, useState } from "react";
import { cancelRender, continueRender, delayRender } from "remotion";

export const FONT_FAMILY = '"Inter", "Noto Sans SC", sans-serif';
export const MONO_FAMILY = '"JetBrains Mono", "Noto Sans SC", monospace';

/**
 * Holds the render until the fonts for `text` are loaded (unicode-range subsets load on
 * demand); null means "the text is not known yet": keep holding.
 */
export function useFonts(text: string | null): void {
  const [handle] = useState(() => delayRender("Loading fonts"));
  useEffect(() => {
    if (text === null) return;
    const sample = text + "0123456789.·";
    Promise.all([
      document.fonts.load('400 16px "Inter"', sample),
      document.fonts.load('600 16px "Inter"', sample),
      document.fonts.load('400 16px "Noto Sans SC"', sample),
      document.fonts.load('500 16px "Noto Sans SC"', sample),
      document.fonts.load('400 16px "JetBrains Mono"', sample),
      document.fonts.load('600 16px "JetBrains Mono"', sample),
    ])
      .then(() => continueRender(handle))
      .catch((err) => cancelRender(err));
  }, [handle, text]);
}
