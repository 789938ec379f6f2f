import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { eur, fakeApi, renderAt } from "../test/render";
import ListingPage, { attributeValueLabel, rangeLabel } from "./ListingPage";

const routes = [
  { path: "/search", element: <ListingPage /> },
  { path: "/c/:categorySlug", element: <ListingPage /> },
];

const hit = (n: number, brand = "Acoustix") => ({
  id: `p-${n}`,
  slug: `headphones-${n}`,
  name: `${brand} Headphones ${n}`,
  brand,
  category: "headphones",
  price: eur(9999),
  inStock: n % 2 === 0,
  image: null,
});

function catalog(total = 30) {
  return fakeApi({
    "GET /catalog/api/categories": () => ({
      body: [
        {
          id: "c1",
          slug: "electronics",
          name: "Electronics",
          children: [{ id: "c2", slug: "headphones", name: "Headphones", children: [] }],
        },
      ],
    }),
    "GET /catalog/api/products": ({ url }) => {
      const brand = url.searchParams.get("brand");
      const items = brand ? [hit(1, "Lumen")] : [hit(1), hit(2)];
      return {
        body: {
          items: total === 0 ? [] : items,
          total: total === 0 ? 0 : brand ? 1 : total,
          facets: {
            brand: [
              { value: "acoustix", count: 29 },
              { value: "lumen", count: 1 },
            ],
            category: [{ value: "headphones", count: 30 }],
            price: [
              { value: "*-2500", count: 0 },
              { value: "2500-5000", count: 4 },
              { value: "5000-*", count: 26 },
            ],
            attribute: url.searchParams.getAll("attribute").includes("colour:black")
              ? [
                  { value: "colour:black", count: 12 },
                  { value: "colour:white", count: 9 },
                  { value: "connection:wireless", count: 7 },
                ]
              : [
                  { value: "colour:black", count: 12 },
                  { value: "connection:wireless", count: 10 },
                  { value: "colour:white", count: 9 },
                ],
          },
        },
      };
    },
  });
}

describe("the listing", () => {
  it("shows results, facets with counts and pages for the URL's filters", async () => {
    const calls = catalog();
    renderAt("/search?q=hedphones&page=2", routes);
    expect(await screen.findByText("Acoustix Headphones 1")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Results for “hedphones”");
    expect(screen.getByText("30 products")).toBeTruthy();
    expect(screen.getByLabelText("Lumen (1)")).toBeTruthy();
    expect(screen.getByLabelText("€25 to €50 (4)")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Page 2" }).getAttribute("aria-current")).toBe("page");
    const search = calls.find((c) => c.url.pathname === "/catalog/api/products")!;
    expect(search.url.search).toBe("?q=hedphones&page=1&size=24");
  });

  it("puts a checked facet in the URL, from the first page, and back undoes it", async () => {
    const calls = catalog();
    const { router } = renderAt("/search?q=hedphones&page=2", routes);
    await userEvent.click(await screen.findByLabelText("Lumen (1)"));
    await waitFor(() => expect(router.state.location.search).toBe("?q=hedphones&brand=lumen"));
    expect(await screen.findByText("Lumen Headphones 1")).toBeTruthy();
    expect(calls.some((c) => c.url.searchParams.get("brand") === "lumen")).toBe(true);
    await router.navigate(-1);
    await waitFor(() => expect(router.state.location.search).toBe("?q=hedphones&page=2"));
  });

  it("sets price range, in-stock and sort in the query string", async () => {
    catalog();
    const { router } = renderAt("/c/headphones", routes);
    await userEvent.click(await screen.findByLabelText("€25 to €50 (4)"));
    await waitFor(() => expect(router.state.location.search).toBe("?minPrice=2500&maxPrice=4999"));
    await userEvent.click(screen.getByLabelText("In stock only"));
    await waitFor(() =>
      expect(router.state.location.search).toBe("?minPrice=2500&maxPrice=4999&inStock=true"),
    );
    await userEvent.selectOptions(screen.getByLabelText("Sort by"), "price_desc");
    await waitFor(() =>
      expect(router.state.location.search).toBe(
        "?minPrice=2500&maxPrice=4999&inStock=true&sort=price_desc",
      ),
    );
    expect(router.state.location.pathname).toBe("/c/headphones");
  });

  it("reads typed prices in euros", async () => {
    catalog();
    const { router } = renderAt("/search", routes);
    await userEvent.type(await screen.findByLabelText("Min"), "20");
    await userEvent.type(screen.getByLabelText("Max"), "99.5");
    await userEvent.click(screen.getByRole("button", { name: "Apply" }));
    await waitFor(() => expect(router.state.location.search).toBe("?minPrice=2000&maxPrice=9950"));
  });

  it("says so when nothing matches", async () => {
    catalog(0);
    renderAt("/search?q=zzzz&brand=none", routes);
    expect(await screen.findByRole("heading", { name: "No products found" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Clear filters" }).getAttribute("href")).toBe(
      "/search?q=zzzz",
    );
  });

  it("shows a group of checkboxes per attribute; values of one attribute add up", async () => {
    const calls = catalog();
    const { router } = renderAt("/c/headphones", routes);
    const colour = await screen.findByRole("group", { name: "Colour" });
    expect(screen.getByRole("group", { name: "Connection" })).toBeTruthy();
    expect(colour.textContent).toContain("White (9)");
    await userEvent.click(screen.getByLabelText("Black (12)"));
    await waitFor(() => expect(router.state.location.search).toBe("?attribute=colour%3Ablack"));
    await userEvent.click(await screen.findByLabelText("White (9)"));
    await waitFor(() =>
      expect(router.state.location.search).toBe(
        "?attribute=colour%3Ablack&attribute=colour%3Awhite",
      ),
    );
    expect(
      calls.some(
        (c) => c.url.searchParams.getAll("attribute").join(",") === "colour:black,colour:white",
      ),
    ).toBe(true);
    expect((screen.getByLabelText("Black (12)") as HTMLInputElement).checked).toBe(true);
    await userEvent.click(screen.getByLabelText("Black (12)"));
    await waitFor(() => expect(router.state.location.search).toBe("?attribute=colour%3Awhite"));
  });

  it("writes attribute values as shoppers read them", () => {
    expect(
      ["navy", "xs", "xxl", "m", "128 gb", "4k", "organic cotton", "6.1 inch", "full frame"].map(
        attributeValueLabel,
      ),
    ).toEqual([
      "Navy",
      "XS",
      "XXL",
      "M",
      "128 GB",
      "4K",
      "Organic Cotton",
      "6.1 Inch",
      "Full Frame",
    ]);
  });

  it("labels a typed price range with both ends as typed", () => {
    expect(rangeLabel(6000, 7000, "EUR")).toBe("€60 to €70");
    expect(rangeLabel(6000, undefined, "EUR")).toBe("From €60");
    expect(rangeLabel(undefined, 1999, "EUR")).toBe("Up to €19.99");
  });

  it("says a category does not exist instead of showing it empty", async () => {
    catalog();
    renderAt("/c/does-not-exist", routes);
    expect(
      await screen.findByRole("heading", { name: "We cannot find that category" }),
    ).toBeTruthy();
  });

  it("ignores a page beyond what the catalog serves", async () => {
    const calls = catalog();
    renderAt("/search?q=x&page=999999999999", routes);
    expect(await screen.findByText("Acoustix Headphones 1")).toBeTruthy();
    const search = calls.find((c) => c.url.pathname === "/catalog/api/products")!;
    expect(search.url.searchParams.get("page")).toBe("0");
  });
});
