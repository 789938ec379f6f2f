// Product pictures: the srcset the catalog gives (as a string or a list of widths), and the sizes they are shown at.
import { ImageRef } from "./catalog";

/** The srcset attribute for an image, or undefined when the catalog gave only one size. */
export function srcSetOf(image: ImageRef): string | undefined {
  if (!image.srcset) {
    return undefined;
  }
  if (typeof image.srcset === "string") {
    // a picture of unknown width comes with its one URL as the srcset: nothing to choose from
    return /\s\d+w\s*(,|$)/.test(image.srcset) ? image.srcset.trim() : undefined;
  }
  const entries = image.srcset.filter((e) => e && e.url && e.width > 0);
  return entries.length > 0 ? entries.map((e) => `${e.url} ${e.width}w`).join(", ") : undefined;
}

/** Sizes for a card in the product grid: two columns on phones, up to four on desktops. */
export const CARD_SIZES = "(min-width: 1100px) 260px, (min-width: 720px) 30vw, 46vw";

/** Sizes for the product page's main picture. */
export const GALLERY_SIZES = "(min-width: 900px) 520px, 92vw";
