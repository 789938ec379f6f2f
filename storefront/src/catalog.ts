// The storefront's view of the catalog API: product search with facets, and price formatting.

export interface Money {
  amount: number;
  currency: string;
}

export interface ProductHit {
  id: string;
  slug: string;
  name: string;
  brand: string | null;
  category: string | null;
  price: Money;
}

export interface Facet {
  value: string;
  count: number;
}

export interface SearchResult {
  items: ProductHit[];
  total: number;
  facets: Record<string, Facet[]>;
}

export interface SearchFilters {
  q?: string;
  category?: string;
  brand?: string;
  sort?: string;
  page?: number;
}

/** The query string of a search, leaving out what is not set. */
export function searchQuery(filters: SearchFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== null && value !== "") {
      params.set(key, String(value));
    }
  }
  params.set("size", "24");
  return params.toString();
}

/** Minor units to a price a shopper reads: 12999 EUR becomes "€129.99". */
export function formatPrice(money: Money, locale = "en-IE"): string {
  const digits =
    new Intl.NumberFormat(locale, { style: "currency", currency: money.currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  return new Intl.NumberFormat(locale, { style: "currency", currency: money.currency }).format(
    money.amount / 10 ** digits,
  );
}

export async function searchProducts(filters: SearchFilters): Promise<SearchResult> {
  const response = await fetch(`/catalog/api/products?${searchQuery(filters)}`, {
    headers: { Accept: "application/json" },
  });
  if (!response.ok) {
    throw new Error(`search failed (HTTP ${response.status})`);
  }
  return (await response.json()) as SearchResult;
}

/** The SKU a shopper buys from a result list: the product's first variant. */
export async function defaultSku(productId: string): Promise<string> {
  const response = await fetch(`/catalog/api/products/${productId}`, {
    headers: { Accept: "application/json" },
  });
  if (!response.ok) {
    throw new Error(`product not found (HTTP ${response.status})`);
  }
  const product = (await response.json()) as { variants: { sku: string }[] };
  return product.variants[0].sku;
}
