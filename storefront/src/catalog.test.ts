import { describe, expect, it } from "vitest";
import { formatPrice, searchQuery } from "./catalog";

describe("formatPrice", () => {
  it("turns minor units into a price with the currency's decimals", () => {
    expect(formatPrice({ amount: 12999, currency: "EUR" })).toBe("€129.99");
    // yen have no minor unit: 500 is ¥500, not ¥5.00
    expect(formatPrice({ amount: 500, currency: "JPY" })).toMatch(/¥500$/);
  });
});

describe("searchQuery", () => {
  it("keeps only the filters that are set", () => {
    expect(searchQuery({ q: "hedphones", category: "", brand: undefined, page: 0 })).toBe(
      "q=hedphones&page=0&size=24",
    );
  });
});
