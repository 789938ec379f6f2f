import { Link } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { FIRST_SCREEN_CARDS, ProductCard } from "../components/ProductCard";
import { CardSkeletons, Notice, PageTitle } from "../components/ui";
import { ListingFilters } from "../lib/catalog";
import { errorMessage } from "../lib/http";
import { paths } from "../paths";
import { categoriesQuery, searchQuery } from "../queries";

const NEWEST: ListingFilters = { attributes: [], inStock: true, sort: "newest", page: 1 };

export default function HomePage() {
  const categories = useQuery(categoriesQuery);
  const featured = useQuery(searchQuery(NEWEST));
  return (
    <>
      <PageTitle
        title=""
        description="Mercato: electronics, fashion, home and outdoor gear, delivered. Search, compare and order in minutes."
      />
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">Everything you need, delivered.</h1>
        <p>Electronics, fashion, home and outdoor gear from brands you know.</p>
        <Link to={paths.search()} className="button primary">
          Browse all products
        </Link>
      </section>

      <section aria-labelledby="categories-title" className="home-section">
        <h2 id="categories-title">Shop by category</h2>
        {categories.isError && <Notice tone="error">{errorMessage(categories.error)}</Notice>}
        <ul className="category-tiles">
          {(categories.data ?? []).map((c) => (
            <li key={c.id} className="category-tile">
              <h3>
                <Link to={paths.category(c.slug)}>{c.name}</Link>
              </h3>
              {c.children.length > 0 && (
                <ul className="subcategory-links">
                  {c.children.map((child) => (
                    <li key={child.id}>
                      <Link to={paths.category(child.slug)}>{child.name}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="new-title" className="home-section">
        <div className="section-heading">
          <h2 id="new-title">New arrivals</h2>
          <Link to={paths.search(NEWEST)}>See all</Link>
        </div>
        {featured.isPending && <CardSkeletons count={8} />}
        {featured.isError && <Notice tone="error">{errorMessage(featured.error)}</Notice>}
        {featured.data && (
          <ul className="product-grid">
            {featured.data.items.slice(0, 8).map((hit, i) => (
              <ProductCard key={hit.id} hit={hit} eager={i < FIRST_SCREEN_CARDS} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
