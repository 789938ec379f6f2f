import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { eur, fakeApi, renderAt } from "../test/render";
import CartPage from "./CartPage";

const line = (sku: string, unit: number, extra = {}) => ({
  sku,
  name: `Item ${sku}`,
  quantity: 1,
  unitPrice: eur(unit),
  lineTotal: eur(unit),
  sellable: true,
  available: 5,
  inStock: true,
  ...extra,
});

function guestCart(lines: ReturnType<typeof line>[]) {
  return {
    id: "guest-1",
    owner: "guest",
    lines,
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    subtotal: eur(lines.reduce((n, l) => n + l.lineTotal.amount, 0)),
    priceStale: false,
    availabilityStale: false,
  };
}

const routes = [
  { path: "/basket", element: <CartPage /> },
  { path: "/checkout", element: <p>checkout</p> },
];

describe("the cart", () => {
  it("tells a guest what changed since adding, and blocks checkout for a sold-out line", async () => {
    localStorage.setItem("mercato.guestCart", "guest-1");
    fakeApi({
      "POST /users/api/tokens/refresh": () => ({ status: 401, body: {} }),
      "GET /cart/api/carts/guest-1": () => ({
        body: guestCart([line("A", 1200), line("B", 500, { available: 0, inStock: false })]),
      }),
      "GET /cart/api/carts/guest-1/items": () => ({
        body: {
          id: "guest-1",
          lines: [
            { sku: "A", name: "Item A", quantity: 1, unitPrice: eur(1000) },
            { sku: "B", name: "Item B", quantity: 1, unitPrice: eur(500) },
          ],
        },
      }),
      "GET /catalog/api/skus": () => ({ body: { items: [] } }),
    });
    const { session } = await import("../lib/session");
    await session.restore();
    renderAt("/basket", routes);
    expect(
      await screen.findByText(
        "The price of Item A went up from €10.00 to €12.00 since you added it.",
      ),
    ).toBeTruthy();
    expect(screen.getByText("Item B is no longer in stock. Remove it to check out.")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Check out" }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(screen.getByText(/shown at checkout, after you sign in/)).toBeTruthy();
    expect(within(screen.getByRole("definition")).getByText("€17.00")).toBeTruthy();
  });

  it("changes quantities and removes lines", async () => {
    localStorage.setItem("mercato.guestCart", "guest-1");
    let current = guestCart([line("A", 1000), line("B", 500)]);
    const calls = fakeApi({
      "POST /users/api/tokens/refresh": () => ({ status: 401, body: {} }),
      "GET /cart/api/carts/guest-1": () => ({ body: current }),
      "GET /cart/api/carts/guest-1/items": () => ({ body: { id: "guest-1", lines: [] } }),
      "GET /catalog/api/skus": () => ({ body: { items: [] } }),
      "PATCH /cart/api/carts/guest-1/items/A": ({ body }) => {
        const quantity = (body as { quantity: number }).quantity;
        current = guestCart([
          line("A", 1000, { quantity, lineTotal: eur(1000 * quantity) }),
          line("B", 500),
        ]);
        return { body: current };
      },
      "DELETE /cart/api/carts/guest-1/items/B": () => {
        current = guestCart([current.lines[0]]);
        return { body: current };
      },
    });
    renderAt("/basket", routes);
    await userEvent.click(await screen.findByRole("button", { name: "More (Quantity of Item A)" }));
    await waitFor(() => expect(screen.getAllByText("€20.00").length).toBeGreaterThan(0));
    expect(calls.find((c) => c.method === "PATCH")?.body).toEqual({ quantity: 2 });
    await userEvent.click(screen.getByRole("button", { name: "Remove Item B" }));
    await waitFor(() => expect(screen.queryByText("Item B")).toBeNull());
    expect(screen.getByText("(2 items)")).toBeTruthy();
  });
});
