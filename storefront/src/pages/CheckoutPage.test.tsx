import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { session } from "../lib/session";
import { eur, FakeCall, fakeApi, renderAt } from "../test/render";
import CheckoutPage from "./CheckoutPage";

const CART = {
  id: "cart-9",
  owner: "customer",
  lines: [
    {
      sku: "TR-41",
      name: "Trail Runner",
      quantity: 1,
      unitPrice: eur(8999),
      lineTotal: eur(8999),
      sellable: true,
      available: 4,
      inStock: true,
    },
  ],
  itemCount: 1,
  subtotal: eur(8999),
  priceStale: false,
  availabilityStale: false,
};
const ADDRESS = {
  id: "ad-1",
  name: "Ada Lovelace",
  line1: "Hauptstr. 1",
  line2: null,
  city: "Berlin",
  postalCode: "10115",
  country: "DE",
};
const ORDER = { id: "0c9e1f9a-0000-4000-8000-000000000001", status: "PAID" };

type Handler = (call: FakeCall) => { status?: number; body?: unknown } | undefined;

function shop(placeOrder: Handler, extra: Record<string, Handler> = {}) {
  return fakeApi({
    "POST /users/api/tokens": () => ({ body: { access_token: "t-1", expires_in: 900 } }),
    "GET /users/api/accounts/me": () => ({
      body: { id: "acc-1", email: "ada@mercato.test", name: "Ada Lovelace", roles: ["customer"] },
    }),
    "GET /cart/api/carts/mine": () => ({ body: CART }),
    "GET /users/api/accounts/me/addresses": () => ({ body: [ADDRESS] }),
    "POST /orders/api/quotes": () => ({ status: 404, body: { title: "Not Found" } }),
    "POST /orders/api/orders": placeOrder,
    ...extra,
  });
}

const routes = [
  { path: "/checkout", element: <CheckoutPage /> },
  { path: "/account/orders/:id", element: <p>order page</p> },
];

const placeCalls = (calls: FakeCall[]) =>
  calls.filter((c) => c.method === "POST" && c.url.pathname === "/orders/api/orders");

describe("checkout", () => {
  beforeEach(async () => {
    shop(() => ({ status: 500 }));
    await session.signIn("ada@mercato.test", "secret-password");
  });

  it("retries an attempt that got no answer with the same Idempotency-Key, and confirms the order", async () => {
    let n = 0;
    const calls = shop(() =>
      ++n === 1
        ? { status: 503, body: { type: "https://mercato.dev/problems/cart-unavailable" } }
        : { status: 201, body: ORDER },
    );
    const { router } = renderAt("/checkout", routes);
    await userEvent.click(await screen.findByRole("button", { name: "Place order" }));
    expect(await screen.findByText("The shop cannot take orders right now")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/account/orders/${ORDER.id}`));
    expect(router.state.location.search).toBe("?placed=1");
    const [first, retry] = placeCalls(calls);
    expect(first.headers["Idempotency-Key"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(retry.headers["Idempotency-Key"]).toBe(first.headers["Idempotency-Key"]);
    expect(first.body).toEqual({
      cartId: "cart-9",
      shippingAddress: {
        name: "Ada Lovelace",
        line1: "Hauptstr. 1",
        line2: null,
        city: "Berlin",
        postalCode: "10115",
        country: "DE",
      },
      payment: { method: "card", token: "tok_visa" },
    });
    expect(first.headers.Authorization).toBe("Bearer t-1");
  });

  it("explains a declined card, and the next card is a new attempt", async () => {
    const calls = shop(({ body }) =>
      (body as { payment: { token: string } }).payment.token === "tok_visa"
        ? { status: 201, body: ORDER }
        : {
            status: 402,
            body: {
              type: "https://mercato.dev/problems/payment-declined",
              detail: "the card was declined (card_declined); order 77",
            },
          },
    );
    const { router } = renderAt("/checkout", routes);
    await userEvent.selectOptions(await screen.findByLabelText("Card"), "tok_chargeDeclined");
    await userEvent.click(screen.getByRole("button", { name: "Place order" }));
    expect(await screen.findByText("Your card was declined")).toBeTruthy();
    expect(screen.getByText(/Nothing was charged and no order was placed/)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Card")));
    await userEvent.selectOptions(screen.getByLabelText("Card"), "tok_visa");
    await userEvent.click(screen.getByRole("button", { name: "Place order" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/account/orders/${ORDER.id}`));
    const [declined, paid] = placeCalls(calls);
    expect(paid.headers["Idempotency-Key"]).not.toBe(declined.headers["Idempotency-Key"]);
  });

  it("sends one request for a double click", async () => {
    let release: () => void = () => undefined;
    // the order service answers only when the test says so
    const slow = fakeApi({
      "POST /users/api/tokens": () => ({ body: { access_token: "t-1", expires_in: 900 } }),
      "GET /cart/api/carts/mine": () => ({ body: CART }),
      "GET /users/api/accounts/me/addresses": () => ({ body: [ADDRESS] }),
      "POST /orders/api/quotes": () => ({ status: 404, body: {} }),
      "POST /orders/api/orders": () =>
        new Promise((resolve) => {
          release = () => resolve({ status: 201, body: ORDER });
        }) as never,
    });
    renderAt("/checkout", routes);
    const button = await screen.findByRole("button", { name: "Place order" });
    await userEvent.dblClick(button);
    await screen.findByRole("button", { name: "Placing your order…" });
    expect(
      (screen.getByRole("button", { name: "Placing your order…" }) as HTMLButtonElement).disabled,
    ).toBe(true);
    release();
    await waitFor(() => expect(placeCalls(slow)).toHaveLength(1));
  });

  it("shows the quote's totals with the VAT, and saves a new address on request", async () => {
    const calls = shop(() => ({ status: 201, body: ORDER }), {
      "POST /orders/api/quotes": ({ body }) => ({
        body: {
          lines: [
            {
              sku: "TR-41",
              name: "Trail Runner",
              quantity: 1,
              unitPrice: eur(8999),
              total: eur(8999),
            },
          ],
          totals: {
            subtotal: eur(8999),
            shipping: eur(0),
            tax: eur((body as { country: string }).country === "FR" ? 1500 : 1437),
            total: eur(8999),
          },
          taxIncluded: true,
        },
      }),
      "POST /users/api/accounts/me/addresses": ({ body }) => ({
        status: 201,
        body: { ...(body as object), id: "ad-2" },
      }),
    });
    renderAt("/checkout", routes);
    expect(await screen.findByText("incl. VAT")).toBeTruthy();
    expect(await screen.findByText("€14.37")).toBeTruthy();
    await userEvent.click(screen.getByLabelText("A new address"));
    await userEvent.type(screen.getByLabelText("Street and number"), "1 Rue de Rivoli");
    await userEvent.type(screen.getByLabelText("Postal code"), "75001");
    await userEvent.type(screen.getByLabelText("City"), "Paris");
    await userEvent.selectOptions(screen.getByLabelText("Country"), "FR");
    expect(await screen.findByText("€15.00")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Place order · €89.99" }));
    await waitFor(() => expect(placeCalls(calls)).toHaveLength(1));
    const saved = calls.find(
      (c) => c.url.pathname === "/users/api/accounts/me/addresses" && c.method === "POST",
    );
    expect(saved?.body).toMatchObject({ line1: "1 Rue de Rivoli", city: "Paris", country: "FR" });
    expect(
      (placeCalls(calls)[0].body as { shippingAddress: { city: string } }).shippingAddress.city,
    ).toBe("Paris");
  });
});
