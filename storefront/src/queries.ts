// TanStack Query's client and the keys of the shop's server state.
import { QueryClient, queryOptions } from "@tanstack/react-query";
import { ApiError, NetworkError, takePreloaded } from "./lib/http";
import {
  CATEGORIES_PATH,
  Category,
  getCategories,
  getProduct,
  ListingFilters,
  Product,
  productPath,
  SearchResult,
  searchPath,
  searchProducts,
} from "./lib/catalog";

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

// The catalog reads a page starts with. Each first takes the answer the page server put in the HTML (ShopPages),
// synchronously, so the first render already shows the data: no skeleton that the content then pushes away.

export const categoriesQuery = queryOptions({
  queryKey: keys.categories,
  queryFn: ({ signal }) => getCategories(signal),
  staleTime: 300_000,
  initialData: () => takePreloaded(CATEGORIES_PATH) as Category[] | undefined,
});

export function searchQuery(filters: ListingFilters) {
  return queryOptions({
    queryKey: keys.search(filters),
    queryFn: ({ signal }) => searchProducts(filters, signal),
    initialData: () => takePreloaded(searchPath(filters)) as SearchResult | undefined,
  });
}

export function productQuery(slug: string) {
  return queryOptions({
    queryKey: keys.product(slug),
    queryFn: ({ signal }) => getProduct(slug, signal),
    initialData: () => takePreloaded(productPath(slug)) as Product | undefined,
  });
}
