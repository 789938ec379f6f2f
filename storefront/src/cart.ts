// The storefront's view of the cart API: a guest cart kept by id in the browser, the customer's own cart once
// signed in, and the merge of the one into the other at sign-in.
import { ApiError, Problem } from "./api";
import { Money } from "./catalog";

export interface CartLine {
  sku: string;
  name: string;
  quantity: number;
  unitPrice: Money;
  lineTotal: Money;
  sellable: boolean;
  available?: number;
  inStock?: boolean;
}

export interface Cart {
  id: string;
  owner: "guest" | "customer";
  lines: CartLine[];
  itemCount: number;
  subtotal?: Money;
  priceStale: boolean;
  availabilityStale: boolean;
}

const GUEST_CART = "mercato.guestCart";

async function cartCall(path: string, token: string | null, init: RequestInit = {}): Promise<Cart> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    "Content-Type": "application/json",
  };
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  const response = await fetch(`/cart/api/carts${path}`, { ...init, headers });
  const text = await response.text();
  const body = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    throw new ApiError(response.status, (body ?? {}) as Problem);
  }
  return body as Cart;
}

export function guestCartId(storage: Pick<Storage, "getItem"> = localStorage): string | null {
  return storage.getItem(GUEST_CART);
}

/** The cart to show: the customer's own when signed in, else the guest cart this browser keeps (if any). */
export async function currentCart(token: string | null): Promise<Cart | null> {
  if (token) {
    return cartCall("/mine", token);
  }
  const id = guestCartId();
  if (!id) {
    return null;
  }
  try {
    return await cartCall(`/${id}`, null);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      localStorage.removeItem(GUEST_CART);
      return null;
    }
    throw e;
  }
}

/** Adds a SKU to the shopper's cart, making a guest cart first if the browser has none. */
export async function addToCart(
  sku: string,
  quantity: number,
  token: string | null,
): Promise<Cart> {
  let cart = await currentCart(token);
  if (!cart) {
    cart = await cartCall("", null, { method: "POST" });
    localStorage.setItem(GUEST_CART, cart.id);
  }
  return cartCall(`/${cart.id}/items`, token, {
    method: "POST",
    body: JSON.stringify({ sku, quantity }),
  });
}

export function removeFromCart(cart: Cart, sku: string, token: string | null): Promise<Cart> {
  return cartCall(`/${cart.id}/items/${encodeURIComponent(sku)}`, token, { method: "DELETE" });
}

/** After signing in: the guest cart joins the customer's, and the browser forgets the guest cart. */
export async function mergeGuestCart(token: string): Promise<Cart> {
  const id = guestCartId();
  if (!id) {
    return cartCall("/mine", token);
  }
  try {
    return await cartCall("/mine/merge", token, {
      method: "POST",
      body: JSON.stringify({ guestCartId: id }),
    });
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      return cartCall("/mine", token);
    }
    throw e;
  } finally {
    localStorage.removeItem(GUEST_CART);
  }
}

/** "3 items" / "1 item". */
export function itemsLabel(count: number): string {
  return `${count} item${count === 1 ? "" : "s"}`;
}
