// @vitest-environment node
import { describe, expect, it } from "vitest";
import { Variant } from "./catalog";
import { choose, findVariant, imagesFor, optionExists, variantOptions } from "./variants";

const eur = (amount: number) => ({ amount, currency: "EUR" });
const variants: Variant[] = [
  { sku: "S-BLK", attributes: { colour: "Black", size: "S" }, price: eur(1000), inStock: true },
  { sku: "M-BLK", attributes: { colour: "Black", size: "M" }, price: eur(1000), inStock: false },
  { sku: "M-RED", attributes: { colour: "Red", size: "M" }, price: eur(1200), inStock: true },
];

describe("variant choice", () => {
  it("offers each attribute the variants differ in", () => {
    expect(variantOptions(variants)).toEqual([
      { name: "colour", values: ["Black", "Red"] },
      { name: "size", values: ["S", "M"] },
    ]);
  });

  it("finds the variant of a full choice, none for a partial one", () => {
    expect(findVariant(variants, { colour: "Red", size: "M" })?.sku).toBe("M-RED");
    expect(findVariant(variants, { colour: "Red" })).toBeUndefined();
    expect(findVariant([variants[0]], {})?.sku).toBe("S-BLK");
  });

  it("says which options exist with the current choice", () => {
    expect(optionExists(variants, { colour: "Red" }, "size", "S")).toBe(false);
    expect(optionExists(variants, { colour: "Red" }, "size", "M")).toBe(true);
  });

  it("drops a choice that conflicts with a new pick", () => {
    expect(choose(variants, { colour: "Black", size: "S" }, "colour", "Red")).toEqual({
      colour: "Red",
    });
    expect(choose(variants, { colour: "Black", size: "S" }, "size", "M")).toEqual({
      colour: "Black",
      size: "M",
    });
  });

  it("shows a variant's own pictures first", () => {
    const images = [
      { url: "/a", sku: null },
      { url: "/red", sku: "M-RED" },
      { url: "/black", sku: "S-BLK" },
    ];
    expect(imagesFor(images, "M-RED").map((i) => i.url)).toEqual(["/red", "/a"]);
    expect(imagesFor(images, undefined)).toHaveLength(3);
  });
});
