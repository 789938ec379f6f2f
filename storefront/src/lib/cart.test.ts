// @vitest-environment node
import { describe, expect, it } from "vitest";
import { blocksCheckout, Cart, guestCartId, itemsLabel, noticeText, reconcile } from "./cart";

const eur = (amount: number) => ({ amount, currency: "EUR" });

function cart(lines: Partial<Cart["lines"][number]>[], stale: Partial<Cart> = {}): Cart {
  return {
    id: "c-1",
    owner: "guest",
    itemCount: lines.length,
    priceStale: false,
    availabilityStale: false,
    lines: lines.map((l, i) => ({
      sku: `SKU-${i}`,
      name: `Item ${i}`,
      quantity: 1,
      unitPrice: eur(1000),
      lineTotal: eur(1000),
      sellable: true,
      available: 10,
      inStock: true,
      ...l,
    })),
    ...stale,
  };
}

describe("cart reconciliation", () => {
  it("says when a price moved since the item went into the cart", () => {
    const notices = reconcile(cart([{ unitPrice: eur(1200) }, { unitPrice: eur(900) }]), [
      { sku: "SKU-0", name: "Item 0", quantity: 1, unitPrice: eur(1000) },
      { sku: "SKU-1", name: "Item 1", quantity: 1, unitPrice: eur(1000) },
    ]);
    expect(notices).toEqual([
      { kind: "price", sku: "SKU-0", name: "Item 0", was: eur(1000), now: eur(1200) },
      { kind: "price", sku: "SKU-1", name: "Item 1", was: eur(1000), now: eur(900) },
    ]);
    expect(noticeText(notices[0])).toBe(
      "The price of Item 0 went up from €10.00 to €12.00 since you added it.",
    );
    expect(noticeText(notices[1])).toContain("went down");
    expect(blocksCheckout(notices)).toBe(false);
  });

  it("says nothing when prices are the same", () => {
    expect(
      reconcile(cart([{}]), [{ sku: "SKU-0", name: "Item 0", quantity: 1, unitPrice: eur(1000) }]),
    ).toEqual([]);
  });

  it("blocks checkout for lines out of stock, short or no longer sold", () => {
    const notices = reconcile(
      cart([
        { available: 0, inStock: false },
        { quantity: 5, available: 2, inStock: false },
        { sellable: false },
      ]),
    );
    expect(notices.map((n) => n.kind)).toEqual(["sold-out", "short", "unavailable"]);
    expect(noticeText(notices[1])).toBe(
      "Only 2 of Item 1 are left. Lower the quantity to check out.",
    );
    expect(blocksCheckout(notices)).toBe(true);
  });

  it("does not compare prices the catalog could not confirm, and says so", () => {
    const notices = reconcile(cart([{ unitPrice: eur(1000) }], { priceStale: true }), [
      { sku: "SKU-0", name: "Item 0", quantity: 1, unitPrice: eur(800) },
    ]);
    expect(notices).toEqual([{ kind: "stale", what: "prices" }]);
  });

  it("counts items in words and reads the guest cart id", () => {
    expect(itemsLabel(1)).toBe("1 item");
    expect(itemsLabel(3)).toBe("3 items");
    expect(guestCartId({ getItem: (k) => (k === "mercato.guestCart" ? "c-1" : null) })).toBe("c-1");
  });
});
