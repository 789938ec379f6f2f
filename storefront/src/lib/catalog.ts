// The storefront's view of the catalog API: categories, product search with facets, product detail, suggestions;
// and the listing's filters as they travel in a page's query string.
import { request } from "./http";
import { Money } from "./money";

export interface ImageRef {
  id?: string;
  url: string;
  contentType?: string;
  width?: number;
  height?: number;
  /** "url 320w, url 640w", or a list of {url, width} */
  srcset?: string | { url: string; width: number }[];
  alt?: string | null;
  sku?: string | null;
}

export interface ProductHit {
  id: string;
  slug: string;
  name: string;
  brand: string | null;
  category: string | null;
  price: Money;
  inStock?: boolean;
  image?: ImageRef | null;
}

export interface Facet {
  value: string;
  count: number;
}

export interface SearchResult {
  items: ProductHit[];
  total: number;
  facets: Record<string, Facet[]>;
  page?: number;
  size?: number;
}

export interface Variant {
  sku: string;
  attributes: Record<string, string>;
  price: Money;
  inStock: boolean;
}

export interface Product {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  brand: string | null;
  category: { id: string; slug: string; name: string } | null;
  attributes: Record<string, string>;
  price: Money;
  variants: Variant[];
  images: ImageRef[];
}

export interface Category {
  id: string;
  slug: string;
  name: string;
  children: Category[];
}

export interface StockLevel {
  sku: string;
  available: number;
  inStock: boolean;
}

export const SORTS = [
  { value: "relevance", label: "Best match" },
  { value: "price_asc", label: "Price: low to high" },
  { value: "price_desc", label: "Price: high to low" },
  { value: "newest", label: "Newest" },
] as const;

export type Sort = (typeof SORTS)[number]["value"];

export const PAGE_SIZE = 24;
/** The last page the API serves: it skips at most 10,000 rows (Paging.MAX_OFFSET in the platform). */
export const MAX_PAGE = Math.floor(10_000 / PAGE_SIZE) + 1;

/** A listing's filters; page counts from 1 as shoppers do (the API counts from 0). */
export interface ListingFilters {
  q?: string;
  category?: string;
  brand?: string;
  attributes: string[];
  minPrice?: number;
  maxPrice?: number;
  inStock: boolean;
  sort: Sort;
  page: number;
}

function text(params: URLSearchParams, name: string, max: number): string | undefined {
  const value = params.get(name)?.trim();
  return value ? value.slice(0, max) : undefined;
}

function amount(params: URLSearchParams, name: string): number | undefined {
  const value = params.get(name);
  return value && /^\d{1,12}$/.test(value) ? Number(value) : undefined;
}

/** The filters in a listing's URL: /search?q=&brand=... or /c/{category}?...; anything malformed is ignored. */
export function parseFilters(params: URLSearchParams, categoryFromPath?: string): ListingFilters {
  const sort = params.get("sort");
  const page = Number(params.get("page"));
  return {
    q: text(params, "q", 200),
    category: categoryFromPath ?? text(params, "category", 200),
    brand: text(params, "brand", 200),
    attributes: params
      .getAll("attribute")
      .filter((a) => /^[^:]{1,60}:.{1,200}$/.test(a))
      .slice(0, 10),
    minPrice: amount(params, "minPrice"),
    maxPrice: amount(params, "maxPrice"),
    inStock: params.get("inStock") === "true",
    sort: SORTS.some((s) => s.value === sort) ? (sort as Sort) : "relevance",
    page: Number.isInteger(page) && page > 1 && page <= MAX_PAGE ? page : 1,
  };
}

/**
 * The query string for these filters, in one canonical order and without defaults, so that equal filters make
 * equal URLs. The category is left out on a category page (it is in the path).
 */
export function filtersToParams(
  filters: ListingFilters,
  options: { categoryInPath?: boolean } = {},
): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.category && !options.categoryInPath) params.set("category", filters.category);
  if (filters.brand) params.set("brand", filters.brand);
  filters.attributes.forEach((a) => params.append("attribute", a));
  if (filters.minPrice !== undefined) params.set("minPrice", String(filters.minPrice));
  if (filters.maxPrice !== undefined) params.set("maxPrice", String(filters.maxPrice));
  if (filters.inStock) params.set("inStock", "true");
  if (filters.sort !== "relevance") params.set("sort", filters.sort);
  if (filters.page > 1) params.set("page", String(filters.page));
  return params;
}

/** The same filters as the catalog API takes them (page from 0, a page size). */
export function searchApiQuery(filters: ListingFilters, size = PAGE_SIZE): string {
  const params = filtersToParams({ ...filters, page: 1 });
  if (filters.sort === "relevance") params.delete("sort");
  params.set("page", String(filters.page - 1));
  params.set("size", String(size));
  return params.toString();
}

/** A price facet's bucket ("2500-5000", "*-2500", "50000-*") as an inclusive range of minor units. */
export function priceBucket(value: string): { min?: number; max?: number } | null {
  const match = /^(\*|\d+)-(\*|\d+)$/.exec(value);
  if (!match) {
    return null;
  }
  return {
    min: match[1] === "*" ? undefined : Number(match[1]),
    // buckets include their lower bound and exclude the upper one; the API's maxPrice is inclusive
    max: match[2] === "*" ? undefined : Number(match[2]) - 1,
  };
}

/** The API path of a listing's results (ShopPages asks the same for a category's first page). */
export function searchPath(filters: ListingFilters): string {
  return `/catalog/api/products?${searchApiQuery(filters)}`;
}

export function searchProducts(filters: ListingFilters, signal?: AbortSignal) {
  return request<SearchResult>(searchPath(filters), { signal });
}

export function productPath(idOrSlug: string): string {
  return `/catalog/api/products/${encodeURIComponent(idOrSlug)}`;
}

export function getProduct(idOrSlug: string, signal?: AbortSignal) {
  return request<Product>(productPath(idOrSlug), { signal });
}

export const CATEGORIES_PATH = "/catalog/api/categories";

export function getCategories(signal?: AbortSignal) {
  return request<Category[]>(CATEGORIES_PATH, { signal });
}

export async function getSuggestions(prefix: string, signal?: AbortSignal): Promise<string[]> {
  const found = await request<{ suggestions: string[] }>(
    `/catalog/api/suggestions?q=${encodeURIComponent(prefix)}`,
    { signal },
  );
  return found.suggestions;
}

/** Availability of several SKUs at once (inventory's public read). */
export async function getStock(skus: string[], signal?: AbortSignal): Promise<StockLevel[]> {
  const query = skus.map((s) => `sku=${encodeURIComponent(s)}`).join("&");
  const found = await request<{ items: StockLevel[] }>(`/inventory/api/stock?${query}`, { signal });
  return found.items;
}

export interface SkuInfo {
  sku: string;
  productId: string;
  name: string;
  slug: string;
  price: Money;
  sellable: boolean;
  inStock: boolean;
  attributes: Record<string, string>;
}

/** SKUs with their product's slug and the variant's attributes (for cart lines). */
export async function getSkus(skus: string[], signal?: AbortSignal): Promise<SkuInfo[]> {
  if (skus.length === 0) {
    return [];
  }
  const query = skus.map((s) => `sku=${encodeURIComponent(s)}`).join("&");
  const found = await request<{ items: SkuInfo[] }>(`/catalog/api/skus?${query}`, { signal });
  return found.items;
}

/** A category and every category under it, flattened, with their parents' names for breadcrumbs. */
export function flattenCategories(
  tree: Category[],
  parents: Category[] = [],
): { category: Category; parents: Category[] }[] {
  return tree.flatMap((category) => [
    { category, parents },
    ...flattenCategories(category.children, [...parents, category]),
  ]);
}

export function findCategory(tree: Category[] | undefined, slug: string | undefined) {
  if (!tree || !slug) {
    return undefined;
  }
  return flattenCategories(tree).find((c) => c.category.slug === slug);
}

/** "colour" -> "Colour", "screen-size" -> "Screen size" */
export function attributeLabel(name: string): string {
  const spaced = name.replace(/[-_]+/g, " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
