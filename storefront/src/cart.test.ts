import { describe, expect, it } from "vitest";
import { guestCartId, itemsLabel } from "./cart";

describe("cart helpers", () => {
  it("counts items in words", () => {
    expect(itemsLabel(0)).toBe("0 items");
    expect(itemsLabel(1)).toBe("1 item");
    expect(itemsLabel(3)).toBe("3 items");
  });

  it("reads the guest cart id the browser keeps", () => {
    const storage = { getItem: (key: string) => (key === "mercato.guestCart" ? "c-1" : null) };
    expect(guestCartId(storage)).toBe("c-1");
    expect(guestCartId({ getItem: () => null })).toBeNull();
  });
});
