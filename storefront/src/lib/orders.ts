// Orders: the quote the checkout shows, placing an order exactly once per attempt (Idempotency-Key), and the
// order history with its status timeline.
import { Address } from "./account";
import { ApiError, NetworkError } from "./http";
import { Money } from "./money";
import { api } from "./session";

export type OrderStatus =
  "PENDING" | "PAID" | "FULFILLING" | "SHIPPED" | "DELIVERED" | "FAILED" | "CANCELLED" | "REFUNDED";

export interface Totals {
  subtotal: Money;
  shipping: Money;
  tax: Money;
  total: Money;
  /** in an order's totals: true when the prices are gross and tax is the part of the total that is VAT */
  taxIncluded?: boolean;
  /** in an order's totals: the sum of its refunds (however they were made) */
  refunded?: Money;
  /** in an order's totals: what the shopper paid and was not given back (total - refunded) */
  netPaid?: Money;
}

export interface OrderLine {
  sku: string;
  name: string;
  quantity: number;
  unitPrice: Money;
  total: Money;
}

export interface Transition {
  from?: OrderStatus;
  to: OrderStatus;
  at: string;
  actor?: string;
  note?: string;
  /** present on a step that records a refund (payments' id, minor units) */
  refund?: { id: string; amount: Money };
}

export interface Order {
  id: string;
  status: OrderStatus;
  total: Money;
  totals: Totals;
  lines: OrderLine[];
  shippingAddress: Address;
  history: Transition[];
  createdAt: string;
  updatedAt: string;
  trackingNumber?: string;
  failure?: { kind: string; reason: string };
}

export interface OrderPage {
  items: Order[];
  total: number;
  page: number;
  size: number;
}

export interface Quote {
  lines: OrderLine[];
  totals: Totals;
  taxIncluded: boolean;
}

export interface PlaceOrderBody {
  cartId: string;
  shippingAddress: Omit<Address, "id">;
  payment: { method: "card"; token: string };
}

/** The sandbox's test cards (payment-war's SandboxPaymentProvider takes Stripe's token names). */
export const TEST_CARDS = [
  { token: "tok_visa", label: "Visa (succeeds)" },
  { token: "tok_mastercard", label: "Mastercard (succeeds)" },
  { token: "tok_chargeDeclined", label: "Declined card" },
  { token: "tok_chargeDeclinedInsufficientFunds", label: "Declined: insufficient funds" },
  { token: "tok_chargeDeclinedExpiredCard", label: "Declined: expired card" },
] as const;

/**
 * What the order will cost, from the order service: the same total placing the order charges. Null when the
 * order service has no quotes (yet): the cart then shows its subtotal only.
 */
export async function getQuote(cartId: string, country: string): Promise<Quote | null> {
  try {
    return await api<Quote>("/orders/api/quotes", {
      method: "POST",
      body: { cartId, country },
      auth: "required",
    });
  } catch (e) {
    if (
      e instanceof ApiError &&
      [404, 405, 501].includes(e.status) &&
      e.kind !== "cart-not-found"
    ) {
      return null;
    }
    throw e;
  }
}

export function listOrders(page: number, size = 10): Promise<OrderPage> {
  return api<OrderPage>(`/orders/api/orders?page=${page}&size=${size}`, { auth: "required" });
}

export function getOrder(id: string): Promise<Order> {
  return api<Order>(`/orders/api/orders/${encodeURIComponent(id)}`, { auth: "required" });
}

export function placeOrder(body: PlaceOrderBody, idempotencyKey: string): Promise<Order> {
  return api<Order>("/orders/api/orders", {
    method: "POST",
    body,
    auth: "required",
    headers: { "Idempotency-Key": idempotencyKey },
  });
}

/** FNV-1a: a short fingerprint of the request, so the attempt remembers which request its key was for. */
function fingerprint(body: PlaceOrderBody): string {
  const text = JSON.stringify(body);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16);
}

/**
 * Whether a failed attempt is over. It is when the order service decided (a declined card, no stock, an invalid
 * request: sent again with the same key, it only repeats the same answer). It is not when the outcome is unknown
 * or nothing was recorded (no answer, a gateway error, a service that was down before the order started, an
 * order still in progress): then the retry must carry the same key, so it can never make a second order.
 */
export function attemptIsOver(error: unknown): boolean {
  if (error instanceof NetworkError) {
    return false;
  }
  if (error instanceof ApiError) {
    if (error.status === 401 || error.status === 429 || error.kind === "order-in-progress") {
      return false;
    }
    if (error.status >= 500) {
      // the order was saved as failed: a replay repeats the failure, a new attempt may succeed
      return error.kind === "payment-unavailable" || error.kind === "inventory-unavailable";
    }
    return true;
  }
  return false;
}

interface StoredAttempt {
  key: string;
  fingerprint: string;
}

/**
 * One Idempotency-Key per attempt to place an order: the same request retried (after a network error, a double
 * click, a reload of the page) carries the same key; a changed request (another card, another address) or a new
 * attempt after a final answer gets a new one. Kept in sessionStorage, so a reload in doubt reuses it.
 */
export class OrderAttempts {
  private current: StoredAttempt | null;

  constructor(
    private readonly storage: Pick<
      Storage,
      "getItem" | "setItem" | "removeItem"
    > | null = typeof sessionStorage === "undefined" ? null : sessionStorage,
    private readonly newKey: () => string = () => crypto.randomUUID(),
  ) {
    this.current = null;
    try {
      const stored = this.storage?.getItem(OrderAttempts.STORAGE);
      this.current = stored ? (JSON.parse(stored) as StoredAttempt) : null;
    } catch {
      this.current = null;
    }
  }

  static readonly STORAGE = "mercato.orderAttempt";

  /** The key for this request: the current attempt's, or a new attempt's when the request is another. */
  keyFor(body: PlaceOrderBody): string {
    const print = fingerprint(body);
    if (!this.current || this.current.fingerprint !== print) {
      this.current = { key: this.newKey(), fingerprint: print };
      this.storage?.setItem(OrderAttempts.STORAGE, JSON.stringify(this.current));
    }
    return this.current.key;
  }

  /** The attempt ended (an order, or a final refusal): the next one gets a new key. */
  finish(): void {
    this.current = null;
    this.storage?.removeItem(OrderAttempts.STORAGE);
  }

  /** Places the order with this attempt's key, ending the attempt unless its outcome is in doubt. */
  async place(
    body: PlaceOrderBody,
    send: (body: PlaceOrderBody, key: string) => Promise<Order> = placeOrder,
  ): Promise<Order> {
    const key = this.keyFor(body);
    try {
      const order = await send(body, key);
      this.finish();
      return order;
    } catch (e) {
      if (attemptIsOver(e)) {
        this.finish();
      }
      throw e;
    }
  }
}

export interface CheckoutProblem {
  title: string;
  message: string;
  /** where the shopper goes to fix it */
  action?: "cart" | "payment" | "retry" | "sign-in" | "orders" | "address";
}

/** A failed order in words a shopper can act on (problem types from order-war's OrderService). */
export function checkoutProblem(error: unknown): CheckoutProblem {
  if (error instanceof NetworkError) {
    return {
      title: "No connection",
      message:
        "Your order could not be sent. Nothing is charged twice: try again and we will finish the same order.",
      action: "retry",
    };
  }
  if (!(error instanceof ApiError)) {
    return { title: "Something went wrong", message: "Please try again.", action: "retry" };
  }
  const detail = error.problem.detail ?? "";
  switch (error.kind) {
    case "payment-declined": {
      const reason = /\(([a-z_]+)\)/.exec(detail)?.[1];
      const why =
        reason === "insufficient_funds"
          ? "The card has insufficient funds."
          : reason === "expired_card"
            ? "The card has expired."
            : "The card issuer declined the payment.";
      return {
        title: "Your card was declined",
        message: `${why} Nothing was charged and no order was placed. Choose another card and try again.`,
        action: "payment",
      };
    }
    case "out-of-stock": {
      const what = detail.replace(/; order [0-9a-f-]+$/, "");
      return {
        title: "Some items are no longer in stock",
        message: `${what.charAt(0).toUpperCase()}${what.slice(1)}. Nothing was charged. Review your cart and try again.`,
        action: "cart",
      };
    }
    case "item-unavailable":
      return {
        title: "An item is no longer sold",
        message: `${detail} Nothing was charged.`,
        action: "cart",
      };
    case "cart-empty":
      return { title: "Your cart is empty", message: "Add something first.", action: "cart" };
    case "cart-already-ordered":
      return {
        title: "This cart was already ordered",
        message: "An order for this cart exists already. See your orders.",
        action: "orders",
      };
    case "country-not-served":
      return { title: "We do not ship there", message: detail, action: "address" };
    case "order-in-progress":
      return {
        title: "Still placing your order",
        message: "Your order is being placed. Check again in a moment.",
        action: "retry",
      };
    case "payment-unavailable":
    case "inventory-unavailable":
      return {
        title: "The shop cannot take orders right now",
        message:
          "A service we need did not answer. Nothing was charged and nothing is held. Please try again in a minute.",
        action: "retry",
      };
  }
  if (error.status === 401) {
    return {
      title: "Please sign in again",
      message: "Your session ended. Sign in and place the order again.",
      action: "sign-in",
    };
  }
  if (error.status === 429) {
    return {
      title: "Too many attempts",
      message: "Please wait a minute before trying again.",
      action: "retry",
    };
  }
  if (error.status >= 500) {
    return {
      title: "The shop cannot take orders right now",
      message:
        "A service is down or busy. Try again: the retry finishes the same order, so you are never charged twice.",
      action: "retry",
    };
  }
  return { title: "The order could not be placed", message: error.message };
}

/**
 * Whether the tax is part of the prices (a gross-price shop: "incl. VAT") or added on top. The quote says so; for an
 * order that does not, the totals tell: added tax makes subtotal + shipping + tax = total.
 */
export function taxIncluded(
  totals: Totals,
  flag: boolean | undefined = totals.taxIncluded,
): boolean {
  if (flag !== undefined) {
    return flag;
  }
  return (
    totals.tax.amount > 0 && totals.subtotal.amount + totals.shipping.amount === totals.total.amount
  );
}

export const FINAL_STATUSES: OrderStatus[] = ["DELIVERED", "FAILED", "CANCELLED", "REFUNDED"];

export function isFinal(status: OrderStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

export const STATUS_LABELS: Record<OrderStatus, string> = {
  PENDING: "Being placed",
  PAID: "Paid",
  FULFILLING: "Being packed",
  SHIPPED: "Shipped",
  DELIVERED: "Delivered",
  FAILED: "Not placed",
  CANCELLED: "Cancelled",
  REFUNDED: "Refunded",
};

/** Why an attempt that failed did not become an order, in a few words. */
export function failureText(order: Pick<Order, "status" | "failure">): string | undefined {
  if (order.status !== "FAILED") {
    return undefined;
  }
  switch (order.failure?.kind) {
    case "PAYMENT_DECLINED":
      return "The card was declined; nothing was charged.";
    case "OUT_OF_STOCK":
      return "An item was out of stock; nothing was charged.";
    default:
      return "It could not be completed; nothing was charged.";
  }
}

export interface TimelineStep {
  status: OrderStatus;
  label: string;
  at?: string;
  state: "done" | "current" | "upcoming";
  detail?: string;
}

const HAPPY_PATH: OrderStatus[] = ["PAID", "FULFILLING", "SHIPPED", "DELIVERED"];
const ENDINGS: OrderStatus[] = ["FAILED", "CANCELLED", "REFUNDED"];

/**
 * The order's way through PAID, FULFILLING, SHIPPED (with the tracking number) and DELIVERED, with the time of each
 * step from the order's history; a failed, cancelled or refunded order shows the steps it reached and where it
 * ended. The step the order is at is "current".
 */
export function timeline(order: Order): TimelineStep[] {
  const reached = new Map<OrderStatus, Transition>();
  for (const step of order.history) {
    // a partial refund is a step that stays where the order was: it must not move that status's time
    if (step.refund && step.from === step.to) {
      continue;
    }
    reached.set(step.to, step);
  }
  const step = (status: OrderStatus, state: TimelineStep["state"]): TimelineStep => ({
    status,
    label: STATUS_LABELS[status],
    at: reached.get(status)?.at,
    state,
    // the history's notes on the way (payment ids, carriers) are for staff; an ending's reason is for everyone
    detail:
      status === "SHIPPED" && order.trackingNumber && state !== "upcoming"
        ? `Tracking number ${order.trackingNumber}`
        : status === "FAILED"
          ? order.failure?.reason
          : ENDINGS.includes(status)
            ? reached.get(status)?.note
            : undefined,
  });
  if (order.status === "PENDING") {
    return [
      { ...step("PENDING", "current"), at: order.createdAt },
      ...HAPPY_PATH.map((s) => step(s, "upcoming")),
    ];
  }
  const at = HAPPY_PATH.indexOf(order.status);
  if (at >= 0) {
    return HAPPY_PATH.map((s, i) => step(s, i < at ? "done" : i === at ? "current" : "upcoming"));
  }
  return [
    ...HAPPY_PATH.filter((s) => reached.has(s)).map((s) => step(s, "done")),
    ...ENDINGS.filter((s) => s === order.status || reached.has(s)).map((s) =>
      step(s, s === order.status ? "current" : "done"),
    ),
  ];
}
