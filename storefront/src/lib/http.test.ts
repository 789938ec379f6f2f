import { afterEach, describe, expect, it, vi } from "vitest";

// http.ts reads the page's preloaded answers once, when first imported: each test imports a fresh copy
async function freshHttp(preloaded: string | null) {
  document.getElementById("mercato-preloaded")?.remove();
  if (preloaded !== null) {
    const script = document.createElement("script");
    script.type = "application/json";
    script.id = "mercato-preloaded";
    script.textContent = preloaded;
    document.head.append(script);
  }
  vi.resetModules();
  return import("./http");
}

function answering(body: unknown) {
  return vi.fn(async () => new Response(JSON.stringify(body), { status: 200 }));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("answers preloaded in the page", () => {
  it("stand in for the first anonymous GET of their path, once", async () => {
    const { request } = await freshHttp(
      JSON.stringify({ "/catalog/api/categories": [{ slug: "mugs" }] }),
    );
    const fetch = answering([{ slug: "fresh" }]);
    vi.stubGlobal("fetch", fetch);
    expect(await request("/catalog/api/categories")).toEqual([{ slug: "mugs" }]);
    expect(fetch).not.toHaveBeenCalled();
    expect(await request("/catalog/api/categories")).toEqual([{ slug: "fresh" }]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("are never used for a signed-in call, another path or another method", async () => {
    const { request } = await freshHttp(
      JSON.stringify({ "/catalog/api/categories": [{ slug: "mugs" }] }),
    );
    const fetch = answering({ from: "network" });
    vi.stubGlobal("fetch", fetch);
    expect(await request("/catalog/api/categories", { token: "t" })).toEqual({ from: "network" });
    expect(await request("/catalog/api/categories?x=1")).toEqual({ from: "network" });
    expect(await request("/catalog/api/categories", { method: "POST", body: {} })).toEqual({
      from: "network",
    });
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it("are ignored when the element is missing or not JSON", async () => {
    for (const page of [null, "{not json"]) {
      const { request } = await freshHttp(page);
      const fetch = answering({ from: "network" });
      vi.stubGlobal("fetch", fetch);
      expect(await request("/catalog/api/categories")).toEqual({ from: "network" });
    }
  });

  it("are rendered by the page server with the sizes the pictures are shown at", async () => {
    // the server's copies of CARD_SIZES and GALLERY_SIZES (PageHead.java) must match, or the preload is wasted
    const java = (
      await import("../../server/src/main/java/org/mercato/storefront/PageHead.java?raw")
    ).default;
    const { CARD_SIZES, GALLERY_SIZES } = await import("./images");
    const { PAGE_SIZE } = await import("./catalog");
    expect(java).toContain(`CARD_SIZES = "${CARD_SIZES}"`);
    expect(java).toContain(`GALLERY_SIZES = "${GALLERY_SIZES}"`);
    expect(java).toContain(`PAGE_SIZE = ${PAGE_SIZE};`);
  });

  it("are fetched by the page server at the paths the pages ask for", async () => {
    const java = (
      await import("../../server/src/main/java/org/mercato/storefront/CatalogClient.java?raw")
    ).default;
    const { parseFilters, searchApiQuery } = await import("./catalog");
    // a category page's first request, and the home page's "new in" (HomePage.tsx)
    expect(searchApiQuery(parseFilters(new URLSearchParams(), "mugs"))).toBe(
      "category=mugs&page=0&size=24",
    );
    expect(java).toContain(
      '"/catalog/api/products?category=" + encode(categorySlug) + "&page=0&size=" + size',
    );
    const home = searchApiQuery({ attributes: [], inStock: true, sort: "newest", page: 1 });
    expect(java).toContain(`"/catalog/api/products?${home.replace(/24$/, "")}"`);
  });
});
