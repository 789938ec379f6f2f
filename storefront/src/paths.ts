// Every page's URL in one place. The cart and the orders do not live at /cart and /orders: those are the cart and
// order services' context roots, so a reload there would never reach the storefront.
import { filtersToParams, ListingFilters } from "./lib/catalog";

function withQuery(path: string, params?: URLSearchParams): string {
  const query = params?.toString();
  return query ? `${path}?${query}` : path;
}

export const paths = {
  home: "/",
  search: (filters?: ListingFilters) => withQuery("/search", filters && filtersToParams(filters)),
  category: (slug: string, filters?: ListingFilters) =>
    withQuery(
      `/c/${encodeURIComponent(slug)}`,
      filters && filtersToParams(filters, { categoryInPath: true }),
    ),
  product: (slug: string, sku?: string) =>
    withQuery(`/p/${encodeURIComponent(slug)}`, sku ? new URLSearchParams({ sku }) : undefined),
  cart: "/basket",
  checkout: "/checkout",
  signIn: (next?: string) => withQuery("/signin", next ? new URLSearchParams({ next }) : undefined),
  register: (next?: string) =>
    withQuery("/register", next ? new URLSearchParams({ next }) : undefined),
  account: "/account",
  orders: (page?: number) =>
    withQuery(
      "/account/orders",
      page && page > 1 ? new URLSearchParams({ page: String(page) }) : undefined,
    ),
  order: (id: string, placed = false) =>
    withQuery(
      `/account/orders/${encodeURIComponent(id)}`,
      placed ? new URLSearchParams({ placed: "1" }) : undefined,
    ),
};

/** A ?next= target from a URL, only when it is a path of this shop (never another site). */
export function safeNext(next: string | null | undefined, fallback = "/"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.includes("\\")) {
    return fallback;
  }
  return next;
}
