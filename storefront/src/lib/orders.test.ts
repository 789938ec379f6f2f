// @vitest-environment node
import { describe, expect, it, vi } from "vitest";
import { ApiError, NetworkError } from "./http";
import {
  attemptIsOver,
  checkoutProblem,
  Order,
  OrderAttempts,
  PlaceOrderBody,
  taxIncluded,
  timeline,
} from "./orders";

const eur = (amount: number) => ({ amount, currency: "EUR" });
const body = (token = "tok_visa"): PlaceOrderBody => ({
  cartId: "cart-1",
  shippingAddress: {
    name: "Ada",
    line1: "Hauptstr. 1",
    line2: null,
    city: "Berlin",
    postalCode: "10115",
    country: "DE",
  },
  payment: { method: "card", token },
});
const problem = (status: number, kind: string) =>
  new ApiError(status, { type: `https://mercato.dev/problems/${kind}`, detail: `${kind} detail` });

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

function keys() {
  let n = 0;
  return () => `key-${++n}`;
}

const ORDER = { id: "o-1", status: "PAID" } as Order;

describe("one Idempotency-Key per attempt to place an order", () => {
  it("reuses the key when the same attempt is retried after no answer or a 503", async () => {
    const attempts = new OrderAttempts(memoryStorage(), keys());
    const sent: string[] = [];
    const send = vi
      .fn()
      .mockImplementationOnce(async (_b, key) => {
        sent.push(key);
        throw new NetworkError();
      })
      .mockImplementationOnce(async (_b, key) => {
        sent.push(key);
        throw problem(503, "cart-unavailable");
      })
      .mockImplementationOnce(async (_b, key) => {
        sent.push(key);
        return ORDER;
      });
    await expect(attempts.place(body(), send)).rejects.toBeInstanceOf(NetworkError);
    await expect(attempts.place(body(), send)).rejects.toMatchObject({ status: 503 });
    await expect(attempts.place(body(), send)).resolves.toBe(ORDER);
    expect(sent).toEqual(["key-1", "key-1", "key-1"]);
    // after the order, the next attempt is a new one
    expect(attempts.keyFor(body())).toBe("key-2");
  });

  it("sends a double click's two requests with the same key", async () => {
    const attempts = new OrderAttempts(memoryStorage(), keys());
    const sent: string[] = [];
    const send = vi.fn(async (_b: PlaceOrderBody, key: string) => {
      sent.push(key);
      await new Promise((r) => setTimeout(r, 5));
      return ORDER;
    });
    await Promise.all([attempts.place(body(), send), attempts.place(body(), send)]);
    expect(sent).toEqual(["key-1", "key-1"]);
  });

  it("starts a new attempt after a declined card, and for another card", async () => {
    const attempts = new OrderAttempts(memoryStorage(), keys());
    const sent: string[] = [];
    const send = vi.fn(async (b: PlaceOrderBody, key: string) => {
      sent.push(key);
      if (b.payment.token === "tok_chargeDeclined") throw problem(402, "payment-declined");
      return ORDER;
    });
    await expect(attempts.place(body("tok_chargeDeclined"), send)).rejects.toMatchObject({
      status: 402,
    });
    await expect(attempts.place(body("tok_chargeDeclined"), send)).rejects.toMatchObject({
      status: 402,
    });
    await attempts.place(body("tok_visa"), send);
    expect(sent).toEqual(["key-1", "key-2", "key-3"]);
  });

  it("gives a changed request a new key even while the last one is in doubt", () => {
    const attempts = new OrderAttempts(memoryStorage(), keys());
    expect(attempts.keyFor(body("tok_visa"))).toBe("key-1");
    expect(attempts.keyFor(body("tok_visa"))).toBe("key-1");
    expect(attempts.keyFor(body("tok_mastercard"))).toBe("key-2");
  });

  it("keeps an attempt in doubt across a reload of the page", async () => {
    const storage = memoryStorage();
    const first = new OrderAttempts(storage, keys());
    await expect(
      first.place(body(), async () => {
        throw new NetworkError();
      }),
    ).rejects.toBeInstanceOf(NetworkError);
    const afterReload = new OrderAttempts(storage, () => "another-key");
    expect(afterReload.keyFor(body())).toBe(first.keyFor(body()));
  });

  it("knows which failures end an attempt", () => {
    expect(attemptIsOver(new NetworkError())).toBe(false);
    expect(attemptIsOver(problem(503, "cart-unavailable"))).toBe(false);
    expect(attemptIsOver(new ApiError(502, {}))).toBe(false);
    expect(attemptIsOver(problem(409, "order-in-progress"))).toBe(false);
    expect(attemptIsOver(new ApiError(429, {}))).toBe(false);
    expect(attemptIsOver(problem(402, "payment-declined"))).toBe(true);
    expect(attemptIsOver(problem(409, "out-of-stock"))).toBe(true);
    // the order was recorded as failed: the same key would only repeat the failure
    expect(attemptIsOver(problem(503, "payment-unavailable"))).toBe(true);
  });
});

describe("checkout problems in words", () => {
  it("explains a declined card with the issuer's reason", () => {
    const declined = new ApiError(402, {
      type: "https://mercato.dev/problems/payment-declined",
      detail: "the card was declined (insufficient_funds); order 1b2c",
    });
    expect(checkoutProblem(declined)).toMatchObject({
      title: "Your card was declined",
      action: "payment",
    });
    expect(checkoutProblem(declined).message).toContain("insufficient funds");
  });

  it("sends the shopper to the cart for an item out of stock", () => {
    const p = checkoutProblem(
      new ApiError(409, {
        type: "https://mercato.dev/problems/out-of-stock",
        detail: "only 0 of SKU-1 available, 1 wanted; order 9f",
      }),
    );
    expect(p).toMatchObject({ title: "Some items are no longer in stock", action: "cart" });
    expect(p.message).toContain("Only 0 of SKU-1 available, 1 wanted. Nothing was charged.");
  });

  it("offers to try again when a service is down or the network failed", () => {
    expect(checkoutProblem(new NetworkError()).action).toBe("retry");
    expect(checkoutProblem(problem(503, "payment-unavailable")).action).toBe("retry");
    expect(checkoutProblem(new ApiError(504, {})).title).toBe(
      "The shop cannot take orders right now",
    );
  });
});

describe("order status timeline", () => {
  const order = (status: Order["status"], history: Order["history"], extra: Partial<Order> = {}) =>
    ({ id: "o-1", status, history, createdAt: "2026-12-01T10:00:00Z", ...extra }) as Order;

  it("follows PAID, FULFILLING, SHIPPED with the tracking number, DELIVERED", () => {
    const steps = timeline(
      order(
        "SHIPPED",
        [
          { from: "PENDING", to: "PAID", at: "2026-12-01T10:00:01Z" },
          { from: "PAID", to: "FULFILLING", at: "2026-12-01T10:00:02Z" },
          { from: "FULFILLING", to: "SHIPPED", at: "2026-12-01T11:00:00Z" },
        ],
        { trackingNumber: "TRK123" },
      ),
    );
    expect(steps.map((s) => [s.status, s.state])).toEqual([
      ["PAID", "done"],
      ["FULFILLING", "done"],
      ["SHIPPED", "current"],
      ["DELIVERED", "upcoming"],
    ]);
    expect(steps[2]).toMatchObject({
      at: "2026-12-01T11:00:00Z",
      detail: "Tracking number TRK123",
    });
  });

  it("ends a cancelled order where it stopped", () => {
    const steps = timeline(
      order("CANCELLED", [
        { to: "PAID", at: "t1" },
        { to: "CANCELLED", at: "t2", note: "out of stock at the warehouse" },
      ]),
    );
    expect(steps.map((s) => [s.status, s.state])).toEqual([
      ["PAID", "done"],
      ["CANCELLED", "current"],
    ]);
    expect(steps[1].detail).toBe("out of stock at the warehouse");
  });

  it("keeps a status's time when a partial refund is recorded in it", () => {
    const refund = { id: "r-1", amount: { amount: 500, currency: "EUR" } };
    const steps = timeline(
      order("SHIPPED", [
        { to: "PAID", at: "t1" },
        { from: "PAID", to: "FULFILLING", at: "t2" },
        { from: "FULFILLING", to: "SHIPPED", at: "t3" },
        { from: "SHIPPED", to: "SHIPPED", at: "t4", note: "scratched", refund },
      ]),
    );
    expect(steps[2]).toMatchObject({ status: "SHIPPED", state: "current", at: "t3" });
  });

  it("tells whether the VAT is included or added", () => {
    const added = { subtotal: eur(1000), shipping: eur(495), tax: eur(284), total: eur(1779) };
    const included = { subtotal: eur(1000), shipping: eur(495), tax: eur(239), total: eur(1495) };
    expect(taxIncluded(added)).toBe(false);
    expect(taxIncluded(included)).toBe(true);
    expect(taxIncluded(added, true)).toBe(true);
  });
});
