import { FormEvent, useEffect, useState } from "react";
import { formatPrice, searchProducts, SearchFilters, SearchResult } from "./catalog";

/** The shop window: search with typo tolerance, facets to narrow down, results with prices. */
export function Shop({ onAdd }: { onAdd: (productId: string) => void }) {
  const [filters, setFilters] = useState<SearchFilters>({});
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    searchProducts(filters)
      .then((found) => current && (setResult(found), setError(null)))
      .catch(() => current && setError("The catalog cannot be reached right now."));
    return () => {
      current = false;
    };
  }, [filters]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget).get("q") ?? "");
    setFilters({ ...filters, q, page: 0 });
  }

  function toggle(facet: "category" | "brand", value: string) {
    setFilters({ ...filters, [facet]: filters[facet] === value ? undefined : value, page: 0 });
  }

  return (
    <section aria-label="shop">
      <form role="search" onSubmit={submit} className="search">
        <input name="q" type="search" placeholder="Search products" aria-label="Search products" />
        <button type="submit">Search</button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {result && (
        <>
          <p id="total">
            {result.total} product{result.total === 1 ? "" : "s"}
          </p>
          {(["category", "brand"] as const).map((facet) => (
            <div key={facet} className="facets" aria-label={`${facet} filters`}>
              {(result.facets[facet] ?? []).slice(0, 12).map((f) => (
                <button
                  key={f.value}
                  className={filters[facet] === f.value ? "chip selected" : "chip"}
                  onClick={() => toggle(facet, f.value)}
                >
                  {f.value} ({f.count})
                </button>
              ))}
            </div>
          ))}
          <ul className="products">
            {result.items.map((item) => (
              <li key={item.id} className="product">
                <strong>{item.name}</strong>
                <span className="brand">{item.brand}</span>
                <span className="price">{formatPrice(item.price)}</span>
                <button className="add" onClick={() => onAdd(item.id)}>
                  Add to cart
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
