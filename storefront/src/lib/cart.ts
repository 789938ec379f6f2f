// The storefront's view of the cart API: a guest cart kept by id in the browser, the customer's own cart once
// signed in, the merge of the one into the other at sign-in, and the notices a shopper needs when prices or
// availability moved since the items went into the cart.
import { ApiError } from "./http";
import { formatPrice, Money } from "./money";
import { api, SessionManager, session } from "./session";

export interface CartLine {
  sku: string;
  name: string;
  quantity: number;
  /** the current price (the catalog's), or the saved one when the catalog did not answer (priceStale) */
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

/** A line as saved in the cart: the price the shopper saw when adding it. */
export interface SavedLine {
  sku: string;
  name: string;
  quantity: number;
  unitPrice: Money;
}

export const MAX_QUANTITY = 99;

const GUEST_CART = "mercato.guestCart";

/** The guest cart's id: not a secret (it opens only this cart), kept across visits as shops do. */
export function guestCartId(storage: Pick<Storage, "getItem"> = localStorage): string | null {
  return storage.getItem(GUEST_CART);
}

function forgetGuestCart() {
  localStorage.removeItem(GUEST_CART);
}

/** The cart to show: the customer's own when signed in, else the guest cart this browser keeps (if any). */
export async function currentCart(manager: SessionManager = session): Promise<Cart | null> {
  if (manager.getState().status === "signed-in") {
    return api<Cart>("/cart/api/carts/mine", { auth: "required" }, manager);
  }
  const id = guestCartId();
  if (!id) {
    return null;
  }
  try {
    return await api<Cart>(`/cart/api/carts/${encodeURIComponent(id)}`);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 403)) {
      forgetGuestCart();
      return null;
    }
    throw e;
  }
}

/** Adds a SKU to the shopper's cart, making a guest cart first if the browser has none. */
export async function addToCart(sku: string, quantity: number): Promise<Cart> {
  // whose cart: the account's once a restoring session has come back, else the guest's
  await session.settled();
  let cart = await currentCart();
  if (!cart) {
    cart = await api<Cart>("/cart/api/carts", { method: "POST" });
    localStorage.setItem(GUEST_CART, cart.id);
  }
  return api<Cart>(`/cart/api/carts/${encodeURIComponent(cart.id)}/items`, {
    method: "POST",
    body: { sku, quantity },
    auth: "optional",
  });
}

export function changeQuantity(cartId: string, sku: string, quantity: number): Promise<Cart> {
  return api<Cart>(
    `/cart/api/carts/${encodeURIComponent(cartId)}/items/${encodeURIComponent(sku)}`,
    { method: "PATCH", body: { quantity }, auth: "optional" },
  );
}

export function removeLine(cartId: string, sku: string): Promise<Cart> {
  return api<Cart>(
    `/cart/api/carts/${encodeURIComponent(cartId)}/items/${encodeURIComponent(sku)}`,
    { method: "DELETE", auth: "optional" },
  );
}

/** The lines as saved, with the prices the shopper saw when adding them. */
export async function savedLines(cartId: string): Promise<SavedLine[]> {
  const saved = await api<{ lines: SavedLine[] }>(
    `/cart/api/carts/${encodeURIComponent(cartId)}/items`,
    { auth: "optional" },
  );
  return saved.lines;
}

/** After signing in: the guest cart joins the customer's, and the browser forgets the guest cart. */
export async function mergeGuestCart(manager: SessionManager = session): Promise<Cart> {
  const id = guestCartId();
  if (!id) {
    return api<Cart>("/cart/api/carts/mine", { auth: "required" }, manager);
  }
  try {
    return await api<Cart>(
      "/cart/api/carts/mine/merge",
      { method: "POST", body: { guestCartId: id }, auth: "required" },
      manager,
    );
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 403)) {
      return api<Cart>("/cart/api/carts/mine", { auth: "required" }, manager);
    }
    throw e;
  } finally {
    forgetGuestCart();
  }
}

export type CartNotice =
  | { kind: "price"; sku: string; name: string; was: Money; now: Money }
  | { kind: "sold-out"; sku: string; name: string }
  | { kind: "short"; sku: string; name: string; available: number }
  | { kind: "unavailable"; sku: string; name: string }
  | { kind: "stale"; what: "prices" | "availability" | "both" };

/**
 * What changed since the shopper put things in the cart: a price that moved (the saved price against the
 * catalog's current one), a line no longer in stock or with fewer left than wanted, an item no longer sold.
 */
export function reconcile(cart: Cart, saved: SavedLine[] = []): CartNotice[] {
  const notices: CartNotice[] = [];
  const savedBySku = new Map(saved.map((line) => [line.sku, line]));
  for (const line of cart.lines) {
    if (!line.sellable) {
      notices.push({ kind: "unavailable", sku: line.sku, name: line.name });
      continue;
    }
    const before = savedBySku.get(line.sku);
    if (
      !cart.priceStale &&
      before &&
      before.unitPrice.currency === line.unitPrice.currency &&
      before.unitPrice.amount !== line.unitPrice.amount
    ) {
      notices.push({
        kind: "price",
        sku: line.sku,
        name: line.name,
        was: before.unitPrice,
        now: line.unitPrice,
      });
    }
    if (line.available !== undefined && line.inStock === false) {
      notices.push(
        line.available <= 0
          ? { kind: "sold-out", sku: line.sku, name: line.name }
          : { kind: "short", sku: line.sku, name: line.name, available: line.available },
      );
    }
  }
  if (cart.priceStale || cart.availabilityStale) {
    notices.push({
      kind: "stale",
      what:
        cart.priceStale && cart.availabilityStale
          ? "both"
          : cart.priceStale
            ? "prices"
            : "availability",
    });
  }
  return notices;
}

/** A notice in words. */
export function noticeText(notice: CartNotice): string {
  switch (notice.kind) {
    case "price":
      return `The price of ${notice.name} ${notice.now.amount > notice.was.amount ? "went up" : "went down"} from ${formatPrice(notice.was)} to ${formatPrice(notice.now)} since you added it.`;
    case "sold-out":
      return `${notice.name} is no longer in stock. Remove it to check out.`;
    case "short":
      return `Only ${notice.available} of ${notice.name} ${notice.available === 1 ? "is" : "are"} left. Lower the quantity to check out.`;
    case "unavailable":
      return `${notice.name} is no longer sold. Remove it to check out.`;
    case "stale":
      return notice.what === "availability"
        ? "Stock could not be checked just now; it will be checked again when you order."
        : "Current prices could not be checked just now: you see the prices from when you added the items. The order uses the current ones.";
  }
}

/** Whether the cart can go to checkout as it is. */
export function blocksCheckout(notices: CartNotice[]): boolean {
  return notices.some(
    (n) => n.kind === "sold-out" || n.kind === "short" || n.kind === "unavailable",
  );
}

/** "3 items" / "1 item". */
export function itemsLabel(count: number): string {
  return `${count} item${count === 1 ? "" : "s"}`;
}
