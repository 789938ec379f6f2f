// @vitest-environment node
import { describe, expect, it } from "vitest";
import {
  filtersToParams,
  ListingFilters,
  parseFilters,
  priceBucket,
  searchApiQuery,
} from "./catalog";

const params = (query: string) => new URLSearchParams(query);

describe("listing filters in the query string", () => {
  it("survive a round trip through the URL", () => {
    const filters: ListingFilters = {
      q: "running shoes",
      category: "shoes",
      brand: "urbano",
      attributes: ["colour:black", "size:42"],
      minPrice: 2500,
      maxPrice: 9999,
      inStock: true,
      sort: "price_asc",
      page: 3,
    };
    const query = filtersToParams(filters).toString();
    expect(query).toBe(
      "q=running+shoes&category=shoes&brand=urbano&attribute=colour%3Ablack&attribute=size%3A42" +
        "&minPrice=2500&maxPrice=9999&inStock=true&sort=price_asc&page=3",
    );
    expect(parseFilters(params(query))).toEqual(filters);
  });

  it("leave defaults out, so equal filters make equal URLs", () => {
    const filters = parseFilters(params("sort=relevance&page=1&inStock=false"));
    expect(filters).toEqual({ attributes: [], inStock: false, sort: "relevance", page: 1 });
    expect(filtersToParams(filters).toString()).toBe("");
  });

  it("take the category from a category page's path and keep it out of its query", () => {
    const filters = parseFilters(params("brand=urbano&category=ignored"), "shoes");
    expect(filters.category).toBe("shoes");
    expect(filtersToParams(filters, { categoryInPath: true }).toString()).toBe("brand=urbano");
  });

  it("ignore what is malformed", () => {
    const filters = parseFilters(
      params("sort=cheapest&page=-2&minPrice=12.5&maxPrice=abc&attribute=nocolon&q=%20%20"),
    );
    expect(filters).toEqual({ attributes: [], inStock: false, sort: "relevance", page: 1 });
  });

  it("become the catalog API's query, pages counted from 0", () => {
    const filters = parseFilters(params("q=hedphones&page=2&sort=newest"));
    expect(searchApiQuery(filters)).toBe("q=hedphones&sort=newest&page=1&size=24");
    expect(searchApiQuery(parseFilters(params("")))).toBe("page=0&size=24");
  });
});

describe("price facet buckets", () => {
  it("are inclusive ranges of minor units", () => {
    expect(priceBucket("2500-5000")).toEqual({ min: 2500, max: 4999 });
    expect(priceBucket("*-2500")).toEqual({ min: undefined, max: 2499 });
    expect(priceBucket("50000-*")).toEqual({ min: 50000, max: undefined });
    expect(priceBucket("cheap")).toBeNull();
  });
});
