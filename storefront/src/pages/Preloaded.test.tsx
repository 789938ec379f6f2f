import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { eur, fakeApi, renderAt } from "../test/render";
import ListingPage from "./ListingPage";

// What ShopPages puts in a category page's HTML: the category tree and the first listing page, by API path.
const element = document.createElement("script");
element.type = "application/json";
element.id = "mercato-preloaded";
element.textContent = JSON.stringify({
  "/catalog/api/categories": [{ id: "c1", slug: "headphones", name: "Headphones", children: [] }],
  "/catalog/api/products?category=headphones&page=0&size=24": {
    items: [
      {
        id: "p-1",
        slug: "studio-headphones",
        name: "Studio Headphones",
        brand: "Acoustix",
        category: "headphones",
        price: eur(9999),
        inStock: true,
        image: null,
      },
    ],
    total: 1,
    facets: { brand: [], category: [], price: [], attribute: [] },
  },
});
document.head.append(element);

describe("a page the server preloaded", () => {
  it("renders its results in the first render, without asking the API", () => {
    const calls = fakeApi({});
    renderAt("/c/headphones", [{ path: "/c/:categorySlug", element: <ListingPage /> }]);
    // synchronous: no findBy, no waiting for a fetch
    expect(screen.getByText("Studio Headphones")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Headphones");
    expect(screen.getByText("1 product")).toBeTruthy();
    expect(calls).toEqual([]);
  });
});
