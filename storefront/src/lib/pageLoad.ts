// Whether the page's first load (the document and what it asked for at once: scripts, styles, the pictures the
// first screen shows eagerly) has finished. Pictures further down wait for it, so on a slow phone connection they
// do not share the bandwidth with the first screen's picture (the largest contentful paint).
import { useSyncExternalStore } from "react";

function loaded(): boolean {
  return typeof document === "undefined" || document.readyState === "complete";
}

function subscribe(onChange: () => void): () => void {
  if (loaded()) {
    return () => {};
  }
  window.addEventListener("load", onChange);
  return () => window.removeEventListener("load", onChange);
}

/** True once the window's load event has fired (at once on every later navigation in the app). */
export function usePageLoaded(): boolean {
  return useSyncExternalStore(subscribe, loaded, () => false);
}
