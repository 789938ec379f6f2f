import { screen, within } from "@testing-library/react";
import { beforeAll, describe, expect, it } from "vitest";
import { Order } from "../lib/orders";
import { session } from "../lib/session";
import { eur, fakeApi, renderAt } from "../test/render";
import OrderPage, { refetchWhileOpen, REFRESH_MS } from "./OrderPage";

const ORDER: Order = {
  id: "0c9e1f9a-0000-4000-8000-000000000001",
  status: "SHIPPED",
  total: eur(10618),
  totals: { subtotal: eur(8999), shipping: eur(0), tax: eur(1619), total: eur(10618) },
  lines: [
    { sku: "TR-41", name: "Trail Runner", quantity: 1, unitPrice: eur(8999), total: eur(8999) },
  ],
  shippingAddress: {
    name: "Ada Lovelace",
    line1: "Hauptstr. 1",
    city: "Berlin",
    postalCode: "10115",
    country: "DE",
  },
  history: [
    { from: "PENDING", to: "PAID", at: "2026-12-01T10:00:00Z" },
    { from: "PAID", to: "FULFILLING", at: "2026-12-01T10:00:01Z" },
    { from: "FULFILLING", to: "SHIPPED", at: "2026-12-01T12:00:00Z" },
  ],
  createdAt: "2026-12-01T10:00:00Z",
  updatedAt: "2026-12-01T12:00:00Z",
  trackingNumber: "MRC-123456",
};

describe("the order page", () => {
  beforeAll(async () => {
    fakeApi({
      "POST /users/api/tokens": () => ({ body: { access_token: "t-1", expires_in: 900 } }),
      "GET /users/api/accounts/me": () => ({
        body: { id: "acc-1", email: "ada@mercato.test", name: "Ada", roles: ["customer"] },
      }),
    });
    await session.signIn("ada@mercato.test", "secret-password");
  });

  it("thanks the shopper after placing, and shows the timeline with the tracking number", async () => {
    fakeApi({ [`GET /orders/api/orders/${ORDER.id}`]: () => ({ body: ORDER }) });
    renderAt(`/account/orders/${ORDER.id}?placed=1`, [
      { path: "/account/orders/:id", element: <OrderPage /> },
    ]);
    expect(await screen.findByRole("heading", { name: "Thank you for your order" })).toBeTruthy();
    const timeline = screen.getByRole("list", { name: "Order status" });
    const steps = within(timeline).getAllByRole("listitem");
    expect(steps.map((s) => s.className.split(" ")[1])).toEqual([
      "done",
      "done",
      "current",
      "upcoming",
    ]);
    expect(steps[2].getAttribute("aria-current")).toBe("step");
    expect(within(steps[2]).getByText("Tracking number MRC-123456")).toBeTruthy();
    // VAT added on top (subtotal + shipping + VAT = total): shown as its own line
    expect(screen.getByText("VAT")).toBeTruthy();
  });

  it("asks for news every few seconds until the order is final", () => {
    expect(refetchWhileOpen(ORDER)).toBe(REFRESH_MS);
    expect(refetchWhileOpen({ ...ORDER, status: "PAID" })).toBe(5000);
    expect(refetchWhileOpen({ ...ORDER, status: "DELIVERED" })).toBe(false);
    expect(refetchWhileOpen({ ...ORDER, status: "FAILED" })).toBe(false);
    expect(refetchWhileOpen(undefined)).toBe(false);
  });

  it("shows what was refunded and what remains paid", async () => {
    const refunded: Order = {
      ...ORDER,
      id: "0c9e1f9a-0000-4000-8000-000000000002",
      totals: { ...ORDER.totals, refunded: eur(5000), netPaid: eur(5618) },
    };
    fakeApi({ [`GET /orders/api/orders/${refunded.id}`]: () => ({ body: refunded }) });
    renderAt(`/account/orders/${refunded.id}`, [
      { path: "/account/orders/:id", element: <OrderPage /> },
    ]);
    expect((await screen.findByText("Refunded")).nextElementSibling?.textContent).toBe("−€50.00");
    expect(screen.getByText("Paid after refunds").nextElementSibling?.textContent).toBe("€56.18");
  });
});
