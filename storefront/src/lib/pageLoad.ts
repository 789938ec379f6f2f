// Whether the page's first load (the document and what it asked for at once: scripts, styles, the pictures the
// first screen shows eagerly) has finished. Pictures further down wait for it, so on a slow phone connection they
// do not share the bandwidth with the first screen's picture (the largest contentful paint).
import { startTransition, useEffect, useState } from "react";

function loaded(): boolean {
  return typeof document === "undefined" || document.readyState === "complete";
}

/**
 * True once the window's load event has fired (at once on every later navigation in the app). The change is
 * rendered as a transition: the pictures that waited are given their sources in short slices of work, not in one
 * long task while the shopper may already be scrolling or typing.
 */
export function usePageLoaded(): boolean {
  const [isLoaded, setLoaded] = useState(loaded);
  useEffect(() => {
    if (isLoaded) {
      return;
    }
    const onLoad = () => startTransition(() => setLoaded(true));
    if (loaded()) {
      onLoad();
      return;
    }
    window.addEventListener("load", onLoad);
    return () => window.removeEventListener("load", onLoad);
  }, [isLoaded]);
  return isLoaded;
}
