import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeAll, describe, expect, it } from "vitest";
import { session } from "../lib/session";
import { eur, fakeApi, renderAt } from "../test/render";
import ProductPage from "./ProductPage";

const product = {
  id: "p-1",
  slug: "trail-runner",
  name: "Trail Runner",
  description: "Light shoes.",
  brand: "Urbano",
  category: { id: "c-1", slug: "shoes", name: "Shoes" },
  attributes: { material: "mesh" },
  price: eur(8999),
  variants: [
    { sku: "TR-41", attributes: { size: "41" }, price: eur(8999), inStock: true },
    { sku: "TR-42", attributes: { size: "42" }, price: eur(9499), inStock: true },
    { sku: "TR-43", attributes: { size: "43" }, price: eur(9499), inStock: false },
  ],
  images: [
    {
      id: "i-1",
      url: "/catalog/api/images/i-1",
      contentType: "image/webp",
      width: 800,
      height: 800,
      srcset: "/i-1?w=400 400w, /i-1?w=800 800w",
    },
    { id: "i-2", url: "/catalog/api/images/i-2", contentType: "image/webp" },
  ],
};

function api() {
  return fakeApi({
    "GET /catalog/api/products/trail-runner": () => ({ body: product }),
    "GET /catalog/api/categories": () => ({ body: [] }),
    "GET /inventory/api/stock": () => ({
      body: {
        items: [
          { sku: "TR-41", available: 12, inStock: true },
          { sku: "TR-42", available: 2, inStock: true },
          { sku: "TR-43", available: 0, inStock: false },
        ],
      },
    }),
    "POST /cart/api/carts": () => ({
      status: 201,
      body: { id: "guest-1", lines: [], itemCount: 0 },
    }),
    "POST /cart/api/carts/guest-1/items": ({ body }) => ({
      body: {
        id: "guest-1",
        owner: "guest",
        lines: [body],
        itemCount: 2,
        priceStale: false,
        availabilityStale: false,
      },
    }),
  });
}

const routes = [{ path: "/p/:slug", element: <ProductPage /> }];

describe("the product page", () => {
  // a first visit: no refresh cookie, so the page load decides "guest" at once
  beforeAll(() => session.restore());

  it("shows the gallery with srcset and sizes, and the variant from the URL", async () => {
    api();
    renderAt("/p/trail-runner?sku=TR-42", routes);
    expect(await screen.findByRole("heading", { name: "Trail Runner" })).toBeTruthy();
    const main = screen.getByRole("img", { name: "Trail Runner" });
    expect(main.getAttribute("srcset")).toBe("/i-1?w=400 400w, /i-1?w=800 800w");
    expect(main.getAttribute("sizes")).toBeTruthy();
    expect(main.getAttribute("width")).toBe("800");
    expect((screen.getByLabelText("42") as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText("€94.99")).toBeTruthy();
    expect(await screen.findByText("Only 2 left")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Show picture 2 of 2" }));
    expect(screen.getByRole("img", { name: "Trail Runner" }).getAttribute("src")).toBe(
      "/catalog/api/images/i-2",
    );
  });

  it("chooses a size into the URL, and shows before a click and cannot add one that is sold out", async () => {
    api();
    const { router } = renderAt("/p/trail-runner", routes);
    await screen.findByRole("heading", { name: "Trail Runner" });
    await userEvent.click(screen.getByLabelText("43 (sold out)"));
    await waitFor(() => expect(router.state.location.search).toBe("?sku=TR-43"));
    expect(await screen.findByText("Out of stock")).toBeTruthy();
    expect(
      (screen.getByRole("button", { name: "Add to cart" }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });

  it("adds the chosen variant and quantity to a new guest cart", async () => {
    const calls = api();
    renderAt("/p/trail-runner", routes);
    await screen.findByRole("heading", { name: "Trail Runner" });
    await userEvent.click(screen.getByLabelText("41"));
    await screen.findByText("In stock");
    await userEvent.click(screen.getByRole("button", { name: "More (Quantity)" }));
    await userEvent.click(screen.getByRole("button", { name: "Add to cart" }));
    expect(await screen.findByText("Added to your cart.")).toBeTruthy();
    const add = calls.find((c) => c.url.pathname === "/cart/api/carts/guest-1/items");
    expect(add?.body).toEqual({ sku: "TR-41", quantity: 2 });
    expect(localStorage.getItem("mercato.guestCart")).toBe("guest-1");
  });

  it("shows a neutral placeholder for a product without pictures", async () => {
    fakeApi({
      "GET /catalog/api/products/trail-runner": () => ({ body: { ...product, images: [] } }),
      "GET /catalog/api/categories": () => ({ body: [] }),
      "GET /inventory/api/stock": () => ({ status: 503, body: {} }),
    });
    renderAt("/p/trail-runner?sku=TR-41", routes);
    expect(await screen.findByRole("img", { name: "Trail Runner: no picture yet" })).toBeTruthy();
    // inventory down: the variant's own inStock still answers
    expect(await screen.findByText("In stock")).toBeTruthy();
  });
});
