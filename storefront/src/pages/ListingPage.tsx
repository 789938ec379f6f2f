import { FormEvent, useId, useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Pagination } from "../components/Pagination";
import { FIRST_SCREEN_CARDS, ProductCard } from "../components/ProductCard";
import { CardSkeletons, Notice, PageTitle } from "../components/ui";
import {
  Facet,
  findCategory,
  ListingFilters,
  PAGE_SIZE,
  parseFilters,
  priceBucket,
  SORTS,
  Sort,
} from "../lib/catalog";
import { errorMessage } from "../lib/http";
import { formatWholePrice, toMajorText, toMinorUnits } from "../lib/money";
import { paths } from "../paths";
import NotFoundPage from "./NotFoundPage";
import { categoriesQuery, searchQuery } from "../queries";

/** Brand facets come lower-cased from the index: "alpine & co" reads "Alpine & Co". */
export function displayName(value: string): string {
  return value.replace(
    /(^|[\s-])(\p{L})/gu,
    (_, space: string, letter: string) => space + letter.toUpperCase(),
  );
}

/** A price range the shopper chose, both ends included: "€60 to €70", "From €60", "Up to €70". */
export function rangeLabel(
  min: number | undefined,
  max: number | undefined,
  currency: string,
): string {
  if (min !== undefined && max !== undefined) {
    return `${formatWholePrice(min, currency)} to ${formatWholePrice(max, currency)}`;
  }
  return min !== undefined
    ? `From ${formatWholePrice(min, currency)}`
    : `Up to ${formatWholePrice(max ?? 0, currency)}`;
}

/** A price facet's bucket (upper end excluded): "Under €25", "€25 to €50", "€500 and above". */
function priceLabel(bucket: { min?: number; max?: number }, currency: string): string {
  if (bucket.min === undefined && bucket.max !== undefined) {
    return `Under ${formatWholePrice(bucket.max + 1, currency)}`;
  }
  if (bucket.max === undefined && bucket.min !== undefined) {
    return `${formatWholePrice(bucket.min, currency)} and above`;
  }
  return `${formatWholePrice(bucket.min ?? 0, currency)} to ${formatWholePrice((bucket.max ?? 0) + 1, currency)}`;
}

/**
 * An attribute value as the index keeps it (lower-cased) as a shopper reads it: "navy" -> "Navy", sizes and units
 * in capitals ("xs" -> "XS", "xxl" -> "XXL", "128 gb" -> "128 GB", "4k" -> "4K").
 */
export function attributeValueLabel(value: string): string {
  return displayName(value).replace(/\b(\p{L}{1,2}|x+[sl]|\d+\p{L}{1,2})\b/giu, (word) =>
    word.toUpperCase(),
  );
}

/**
 * Attribute facets ("colour:black") as one group per attribute name, in the order the index counted them
 * (most frequent first); values the shopper chose stay listed even when the index did not count them.
 */
export function attributeGroups(
  facets: Facet[],
  chosen: string[],
): { name: string; facets: Facet[] }[] {
  const groups = new Map<string, Facet[]>();
  const add = (value: string, count: number) => {
    const colon = value.indexOf(":");
    if (colon <= 0) return;
    const name = value.slice(0, colon).toLowerCase();
    const values = groups.get(name) ?? [];
    if (!values.some((f) => f.value.toLowerCase() === value.toLowerCase())) {
      values.push({ value, count });
    }
    groups.set(name, values);
  };
  facets.forEach((f) => add(f.value, f.count));
  chosen.forEach((value) => add(value, 0));
  return [...groups.entries()].map(([name, values]) => ({ name, facets: values }));
}

function FacetGroup({
  title,
  facets,
  selected,
  label,
  onToggle,
}: {
  title: string;
  facets: Facet[];
  selected?: string | string[];
  label: (value: string) => string;
  onToggle: (value: string, checked: boolean) => void;
}) {
  const id = useId();
  const [all, setAll] = useState(false);
  if (facets.length === 0) {
    return null;
  }
  const shown = all ? facets : facets.slice(0, 8);
  return (
    <fieldset className="facet-group">
      <legend>{title}</legend>
      <ul>
        {shown.map((facet, i) => {
          const checked = (Array.isArray(selected) ? selected : [selected ?? ""]).some(
            (value) => value.toLowerCase() === facet.value.toLowerCase(),
          );
          return (
            <li key={facet.value}>
              <input
                type="checkbox"
                id={`${id}-${i}`}
                checked={checked}
                onChange={(e) => onToggle(facet.value, e.target.checked)}
              />
              <label htmlFor={`${id}-${i}`}>
                {label(facet.value)} <span className="facet-count">({facet.count})</span>
              </label>
            </li>
          );
        })}
      </ul>
      {facets.length > 8 && (
        <button type="button" className="link-button" onClick={() => setAll(!all)}>
          {all ? "Show fewer" : `Show all ${facets.length}`}
        </button>
      )}
    </fieldset>
  );
}

function PriceFilter({
  filters,
  buckets,
  currency,
  onChange,
}: {
  filters: ListingFilters;
  buckets: Facet[];
  currency: string;
  onChange: (min: number | undefined, max: number | undefined) => void;
}) {
  const id = useId();
  const [min, setMin] = useState(toMajorText(filters.minPrice, currency));
  const [max, setMax] = useState(toMajorText(filters.maxPrice, currency));
  const [error, setError] = useState<string | null>(null);

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const low = min.trim() ? toMinorUnits(min, currency) : undefined;
    const high = max.trim() ? toMinorUnits(max, currency) : undefined;
    if ((min.trim() && low === undefined) || (max.trim() && high === undefined)) {
      setError("Enter prices as numbers, like 25 or 19.99.");
      return;
    }
    if (low !== undefined && high !== undefined && low > high) {
      setError("The lowest price must not be above the highest.");
      return;
    }
    setError(null);
    onChange(low, high);
  }

  return (
    <fieldset className="facet-group">
      <legend>Price</legend>
      <ul>
        {buckets
          .filter((b) => b.count > 0)
          .map((b, i) => {
            const bucket = priceBucket(b.value);
            if (!bucket) return null;
            const checked = filters.minPrice === bucket.min && filters.maxPrice === bucket.max;
            return (
              <li key={b.value}>
                <input
                  type="checkbox"
                  id={`${id}-b${i}`}
                  checked={checked}
                  onChange={(e) =>
                    e.target.checked
                      ? onChange(bucket.min, bucket.max)
                      : onChange(undefined, undefined)
                  }
                />
                <label htmlFor={`${id}-b${i}`}>
                  {priceLabel(bucket, currency)} <span className="facet-count">({b.count})</span>
                </label>
              </li>
            );
          })}
      </ul>
      <form className="price-range" onSubmit={apply} noValidate>
        <div className="field">
          <label htmlFor={`${id}-min`}>Min</label>
          <input
            id={`${id}-min`}
            inputMode="decimal"
            value={min}
            onChange={(e) => setMin(e.target.value)}
            aria-describedby={error ? `${id}-error` : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-max`}>Max</label>
          <input
            id={`${id}-max`}
            inputMode="decimal"
            value={max}
            onChange={(e) => setMax(e.target.value)}
            aria-describedby={error ? `${id}-error` : undefined}
          />
        </div>
        <button type="submit" className="button small">
          Apply
        </button>
        {error && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </fieldset>
  );
}

export default function ListingPage() {
  const { categorySlug } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const filters = parseFilters(params, categorySlug);
  const [filtersOpen, setFiltersOpen] = useState(false);

  const categories = useQuery(categoriesQuery);
  const results = useQuery({ ...searchQuery(filters), placeholderData: keepPreviousData });

  const category = findCategory(categories.data, filters.category);
  if (categorySlug && categories.isSuccess && !category) {
    return <NotFoundPage what="category" />;
  }
  const hrefFor = (next: ListingFilters) =>
    categorySlug ? paths.category(categorySlug, next) : paths.search(next);
  const go = (changes: Partial<ListingFilters>) =>
    navigate(hrefFor({ ...filters, page: 1, ...changes }));

  const data = results.data;
  const pages = data ? Math.ceil(data.total / PAGE_SIZE) : 0;
  const currency = data?.items[0]?.price.currency ?? "EUR";
  const heading = categorySlug
    ? (category?.category.name ?? displayName(categorySlug.replace(/-/g, " ")))
    : filters.q
      ? `Results for “${filters.q}”`
      : "All products";
  const active: { label: string; clear: Partial<ListingFilters> }[] = [];
  if (filters.q && categorySlug) active.push({ label: `“${filters.q}”`, clear: { q: undefined } });
  if (filters.category && !categorySlug) {
    const name = findCategory(categories.data, filters.category)?.category.name;
    active.push({ label: name ?? filters.category, clear: { category: undefined } });
  }
  if (filters.brand)
    active.push({ label: displayName(filters.brand), clear: { brand: undefined } });
  filters.attributes.forEach((a) =>
    active.push({
      label: `${displayName(a.slice(0, a.indexOf(":")))}: ${attributeValueLabel(a.slice(a.indexOf(":") + 1))}`,
      clear: { attributes: filters.attributes.filter((x) => x !== a) },
    }),
  );
  if (filters.minPrice !== undefined || filters.maxPrice !== undefined) {
    active.push({
      label: rangeLabel(filters.minPrice, filters.maxPrice, currency),
      clear: { minPrice: undefined, maxPrice: undefined },
    });
  }
  if (filters.inStock) active.push({ label: "In stock", clear: { inStock: false } });
  const cleared: ListingFilters = {
    q: categorySlug ? undefined : filters.q,
    category: categorySlug,
    attributes: [],
    inStock: false,
    sort: filters.sort,
    page: 1,
  };

  return (
    <div className="listing">
      <PageTitle
        title={heading}
        description={category ? `Shop ${category.category.name} at Mercato.` : undefined}
      />
      {category && (
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <ol>
            <li>
              <Link to={paths.home}>Home</Link>
            </li>
            {category.parents.map((p) => (
              <li key={p.id}>
                <Link to={paths.category(p.slug)}>{p.name}</Link>
              </li>
            ))}
            <li aria-current="page">{category.category.name}</li>
          </ol>
        </nav>
      )}
      <div className="listing-head">
        <h1>{heading}</h1>
        <p className="result-count" role="status" id="total">
          {data ? `${data.total} product${data.total === 1 ? "" : "s"}` : ""}
        </p>
      </div>
      {category && category.category.children.length > 0 && (
        <ul className="chips" aria-label="Subcategories">
          {category.category.children.map((child) => (
            <li key={child.id}>
              <Link className="chip" to={paths.category(child.slug)}>
                {child.name}
              </Link>
            </li>
          ))}
        </ul>
      )}

      <div className="listing-tools">
        <button
          type="button"
          className="button filters-toggle"
          aria-expanded={filtersOpen}
          aria-controls="filters"
          onClick={() => setFiltersOpen(!filtersOpen)}
        >
          Filters{active.length > 0 ? ` (${active.length})` : ""}
        </button>
        <div className="field inline">
          <label htmlFor="sort">Sort by</label>
          <select
            id="sort"
            value={filters.sort}
            onChange={(e) => go({ sort: e.target.value as Sort })}
          >
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      </div>

      {active.length > 0 && (
        <ul className="chips active-filters" aria-label="Active filters">
          {active.map((a) => (
            <li key={a.label}>
              <button
                type="button"
                className="chip removable"
                aria-label={`Remove filter: ${a.label}`}
                onClick={() => go(a.clear)}
              >
                {a.label}
                <span aria-hidden="true"> ×</span>
              </button>
            </li>
          ))}
          <li>
            <Link to={hrefFor(cleared)} className="link-button">
              Clear all
            </Link>
          </li>
        </ul>
      )}

      <div className="listing-body">
        <aside
          id="filters"
          className={filtersOpen ? "filters open" : "filters"}
          aria-label="Filters"
        >
          {data && (
            <>
              {!categorySlug && (
                <FacetGroup
                  title="Category"
                  facets={data.facets.category ?? []}
                  selected={filters.category}
                  label={(v) => findCategory(categories.data, v)?.category.name ?? displayName(v)}
                  onToggle={(v, checked) => go({ category: checked ? v : undefined })}
                />
              )}
              {categorySlug && (data.facets.category?.length ?? 0) > 1 && (
                <FacetGroup
                  title="Category"
                  facets={data.facets.category ?? []}
                  label={(v) => findCategory(categories.data, v)?.category.name ?? displayName(v)}
                  onToggle={(v) => navigate(paths.category(v, { ...filters, page: 1 }))}
                />
              )}
              <FacetGroup
                title="Brand"
                facets={data.facets.brand ?? []}
                selected={filters.brand}
                label={displayName}
                onToggle={(v, checked) => go({ brand: checked ? v : undefined })}
              />
              {attributeGroups(data.facets.attribute ?? [], filters.attributes).map((group) => (
                <FacetGroup
                  key={group.name}
                  title={displayName(group.name)}
                  facets={group.facets}
                  selected={filters.attributes}
                  label={(v) => attributeValueLabel(v.slice(v.indexOf(":") + 1))}
                  onToggle={(v, checked) =>
                    go({
                      attributes: checked
                        ? [...filters.attributes, v]
                        : filters.attributes.filter((a) => a.toLowerCase() !== v.toLowerCase()),
                    })
                  }
                />
              ))}
              <PriceFilter
                key={`${filters.minPrice}-${filters.maxPrice}`}
                filters={filters}
                buckets={data.facets.price ?? []}
                currency={currency}
                onChange={(minPrice, maxPrice) => go({ minPrice, maxPrice })}
              />
              <fieldset className="facet-group">
                <legend>Availability</legend>
                <input
                  type="checkbox"
                  id="in-stock"
                  checked={filters.inStock}
                  onChange={(e) => go({ inStock: e.target.checked })}
                />
                <label htmlFor="in-stock">In stock only</label>
              </fieldset>
            </>
          )}
        </aside>

        <section
          className={results.isPlaceholderData ? "results updating" : "results"}
          aria-label="Products"
          aria-busy={results.isFetching}
        >
          {results.isPending && <CardSkeletons count={8} />}
          {results.isError && !data && (
            <Notice tone="error" title="The products could not be loaded.">
              <p>{errorMessage(results.error)}</p>
              <button type="button" className="button" onClick={() => results.refetch()}>
                Try again
              </button>
            </Notice>
          )}
          {data && data.items.length === 0 && (
            <div className="empty-state">
              <h2>No products found</h2>
              <p>
                {filters.q
                  ? "Check the spelling, use fewer words, or remove some filters."
                  : "Try removing some filters."}
              </p>
              {active.length > 0 && (
                <Link to={hrefFor(cleared)} className="button">
                  Clear filters
                </Link>
              )}
            </div>
          )}
          {data && data.items.length > 0 && (
            <>
              <ul className="product-grid">
                {data.items.map((hit, i) => (
                  <ProductCard key={hit.id} hit={hit} eager={i < FIRST_SCREEN_CARDS} />
                ))}
              </ul>
              <Pagination
                page={filters.page}
                pages={pages}
                hrefFor={(page) => hrefFor({ ...filters, page })}
              />
            </>
          )}
        </section>
      </div>
    </div>
  );
}
