// @vitest-environment node
import { describe, expect, it } from "vitest";
import { formatPrice, formatWholePrice, toMajorText, toMinorUnits } from "./money";

describe("prices from integer minor units", () => {
  it("formats with the currency's decimals", () => {
    expect(formatPrice({ amount: 12999, currency: "EUR" })).toBe("€129.99");
    expect(formatPrice({ amount: 5, currency: "EUR" })).toBe("€0.05");
    expect(formatPrice({ amount: 123456789, currency: "EUR" })).toBe("€1,234,567.89");
    // yen have no minor unit: 500 is ¥500, not ¥5.00
    expect(formatPrice({ amount: 500, currency: "JPY" })).toMatch(/¥500$/);
    expect(formatPrice({ amount: 1999, currency: "USD" }, "en-US")).toBe("$19.99");
  });

  it("leaves out the cents of whole amounts in price ranges", () => {
    expect(formatWholePrice(2500, "EUR")).toBe("€25");
    expect(formatWholePrice(2550, "EUR")).toBe("€25.50");
  });

  it("reads what a shopper types into minor units", () => {
    expect(toMinorUnits("25", "EUR")).toBe(2500);
    expect(toMinorUnits(" 19.99 ", "EUR")).toBe(1999);
    expect(toMinorUnits("19,5", "EUR")).toBe(1950);
    expect(toMinorUnits("0.1", "EUR")).toBe(10);
    expect(toMinorUnits("500", "JPY")).toBe(500);
    expect(toMinorUnits("abc", "EUR")).toBeUndefined();
    expect(toMinorUnits("-5", "EUR")).toBeUndefined();
    expect(toMajorText(2550, "EUR")).toBe("25.5");
    expect(toMajorText(undefined, "EUR")).toBe("");
  });
});
