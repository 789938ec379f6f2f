// TanStack Query's client and the keys of the shop's server state.
import { QueryClient } from "@tanstack/react-query";
import { ApiError, NetworkError } from "./lib/http";
import type { ListingFilters } from "./lib/catalog";

/** Only what may succeed on a second try is tried again: no answer, or a service that was down. */
export function shouldRetry(failures: number, error: unknown): boolean {
  if (failures >= 2) {
    return false;
  }
  return error instanceof NetworkError || (error instanceof ApiError && error.status >= 500);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/** Keys of what belongs to the signed-in shopper: dropped at sign-out. */
export const PRIVATE_KEYS = ["cart", "cart-saved", "quote", "orders", "order", "addresses"];

export const keys = {
  categories: ["categories"] as const,
  search: (filters: ListingFilters) => ["search", filters] as const,
  featured: ["search", "featured"] as const,
  product: (slug: string) => ["product", slug] as const,
  stock: (skus: string[]) => ["stock", skus] as const,
  skus: (skus: string[]) => ["skus", skus] as const,
  suggestions: (prefix: string) => ["suggestions", prefix] as const,
  cart: (owner: string) => ["cart", owner] as const,
  savedLines: (cartId: string, signature: string) => ["cart-saved", cartId, signature] as const,
  quote: (cartId: string, country: string, signature: string) =>
    ["quote", cartId, country, signature] as const,
  orders: (page: number) => ["orders", page] as const,
  order: (id: string) => ["order", id] as const,
  addresses: ["addresses"] as const,
};
