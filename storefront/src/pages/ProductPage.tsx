import { FormEvent, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { ProductImage } from "../components/ProductImage";
import { Notice, PageTitle, Price, QuantityStepper, Spinner } from "../components/ui";
import { useCartActions } from "../hooks";
import { MAX_QUANTITY } from "../lib/cart";
import { attributeLabel, findCategory, getStock, Product, StockLevel } from "../lib/catalog";
import { ApiError, errorMessage } from "../lib/http";
import { GALLERY_SIZES } from "../lib/images";
import { formatPrice } from "../lib/money";
import {
  choose,
  findVariant,
  imagesFor,
  optionExists,
  Selection,
  selectionOf,
  variantOptions,
} from "../lib/variants";
import { paths } from "../paths";
import { categoriesQuery, keys, productQuery } from "../queries";
import NotFoundPage from "./NotFoundPage";

function Gallery({ product, sku }: { product: Product; sku?: string }) {
  const images = imagesFor(product.images, sku);
  const [shown, setShown] = useState(0);
  const current = images[Math.min(shown, images.length - 1)];
  return (
    <div className="gallery">
      <div className="gallery-main">
        <ProductImage image={current} alt={product.name} sizes={GALLERY_SIZES} eager />
      </div>
      {images.length > 1 && (
        <ul className="gallery-thumbs" aria-label="Pictures">
          {images.map((image, i) => (
            <li key={image.id ?? image.url}>
              <button
                type="button"
                aria-label={`Show picture ${i + 1} of ${images.length}`}
                aria-pressed={i === shown}
                onClick={() => setShown(i)}
              >
                <ProductImage image={image} alt="" sizes="80px" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function availabilityText(level: { inStock: boolean; available?: number }): string {
  if (!level.inStock) return "Out of stock";
  if (level.available !== undefined && level.available <= 5) return `Only ${level.available} left`;
  return "In stock";
}

function Buy({ product }: { product: Product }) {
  const [params, setParams] = useSearchParams();
  const fromUrl = product.variants.find((v) => v.sku === params.get("sku"));
  const initial = fromUrl ?? product.variants.find((v) => v.inStock) ?? product.variants[0];
  const [selection, setSelection] = useState<Selection>(selectionOf(initial));
  const [quantity, setQuantity] = useState(1);
  const { add } = useCartActions();
  const options = variantOptions(product.variants);
  const variant = findVariant(product.variants, selection);
  const stock = useQuery({
    queryKey: keys.stock(product.variants.map((v) => v.sku)),
    queryFn: ({ signal }) =>
      getStock(
        product.variants.map((v) => v.sku),
        signal,
      ),
    staleTime: 5_000,
  });
  const level: StockLevel | { inStock: boolean; available?: number } | undefined = variant
    ? (stock.data?.find((s) => s.sku === variant.sku) ?? { inStock: variant.inStock })
    : undefined;
  const max = Math.min(
    MAX_QUANTITY,
    level && "available" in level && level.available ? level.available : MAX_QUANTITY,
  );

  function pick(name: string, value: string) {
    const next = choose(product.variants, selection, name, value);
    setSelection(next);
    const found = findVariant(product.variants, next);
    setParams(found ? { sku: found.sku } : {}, { replace: true, preventScrollReset: true });
    add.reset();
    setQuantity(1);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (variant && level?.inStock && !add.isPending) {
      add.mutate({ sku: variant.sku, quantity: Math.min(quantity, max) });
    }
  }

  return (
    <>
      <Gallery key={variant?.sku} product={product} sku={variant?.sku} />
      <form className="buy-box" onSubmit={submit} aria-labelledby="product-title">
        {product.brand && <p className="product-brand">{product.brand}</p>}
        <h1 id="product-title">{product.name}</h1>
        <p className="product-price">
          {variant ? (
            <Price money={variant.price} />
          ) : (
            <>
              from <Price money={product.price} />
            </>
          )}
        </p>
        {options.map((option) => (
          <fieldset key={option.name} className="variant-option">
            <legend>
              {attributeLabel(option.name)}
              {selection[option.name] && <span className="chosen">: {selection[option.name]}</span>}
            </legend>
            <div className="swatches">
              {option.values.map((value) => {
                const id = `opt-${option.name}-${value}`.replace(/[^\w-]/g, "_");
                const exists = optionExists(product.variants, selection, option.name, value);
                // the variant this value would choose, if the other choices are made: sold out shows before a click
                const would = findVariant(product.variants, { ...selection, [option.name]: value });
                const soldOut =
                  exists &&
                  would !== undefined &&
                  !(stock.data?.find((s) => s.sku === would.sku)?.inStock ?? would.inStock);
                return (
                  <span key={value} className="swatch">
                    <input
                      type="radio"
                      id={id}
                      name={option.name}
                      value={value}
                      checked={selection[option.name] === value}
                      onChange={() => pick(option.name, value)}
                    />
                    <label
                      htmlFor={id}
                      className={exists ? (soldOut ? "sold-out" : undefined) : "unavailable"}
                    >
                      {value}
                      {!exists && <span className="visually-hidden"> (not with this choice)</span>}
                      {soldOut && <span className="visually-hidden"> (sold out)</span>}
                    </label>
                  </span>
                );
              })}
            </div>
          </fieldset>
        ))}
        <p
          className={`availability ${level ? (level.inStock ? "in" : "out") : ""}`}
          id="availability"
        >
          {variant
            ? level
              ? availabilityText(level)
              : ""
            : "Choose an option to see availability"}
        </p>
        <div className="buy-row">
          <QuantityStepper
            id="quantity"
            label="Quantity"
            value={quantity}
            max={max}
            disabled={!variant || !level?.inStock}
            onChange={setQuantity}
          />
          <button
            type="submit"
            className="button primary add-to-cart"
            // not disabled while adding: a disabled button drops the keyboard focus to the page
            disabled={!variant || !level?.inStock}
            aria-disabled={add.isPending || undefined}
          >
            {add.isPending ? "Adding…" : "Add to cart"}
          </button>
        </div>
        <div aria-live="polite" className="add-result">
          {add.isSuccess && (
            <Notice tone="success" title="Added to your cart.">
              <Link to={paths.cart}>View cart and check out</Link>
            </Notice>
          )}
        </div>
        {add.isError && (
          <Notice tone="error" title="It could not be added.">
            {errorMessage(add.error)}
          </Notice>
        )}
        {variant && <p className="sku">Item {variant.sku}</p>}
      </form>
    </>
  );
}

export default function ProductPage() {
  const { slug = "" } = useParams();
  const product = useQuery(productQuery(slug));
  const categories = useQuery(categoriesQuery);
  if (product.isPending) {
    return <Spinner label="Loading the product" />;
  }
  if (product.isError) {
    if (product.error instanceof ApiError && product.error.status === 404) {
      return <NotFoundPage what="product" />;
    }
    return (
      <Notice tone="error" title="The product could not be loaded.">
        <p>{errorMessage(product.error)}</p>
        <button type="button" className="button" onClick={() => product.refetch()}>
          Try again
        </button>
      </Notice>
    );
  }
  const p = product.data;
  const category = findCategory(categories.data, p.category?.slug);
  const attributes = Object.entries(p.attributes);
  return (
    <article className="product-page">
      <PageTitle
        title={p.name}
        description={`${p.name}${p.brand ? ` by ${p.brand}` : ""}, from ${formatPrice(p.price)}. ${p.description ?? ""}`.slice(
          0,
          160,
        )}
      />
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to={paths.home}>Home</Link>
          </li>
          {category?.parents.map((parent) => (
            <li key={parent.id}>
              <Link to={paths.category(parent.slug)}>{parent.name}</Link>
            </li>
          ))}
          {p.category && (
            <li>
              <Link to={paths.category(p.category.slug)}>{p.category.name}</Link>
            </li>
          )}
          <li aria-current="page">{p.name}</li>
        </ol>
      </nav>
      <div className="product-layout">
        <Buy key={p.id} product={p} />
      </div>
      <section className="product-details" aria-labelledby="details-title">
        <h2 id="details-title">Details</h2>
        {p.description && <p>{p.description}</p>}
        {attributes.length > 0 && (
          <dl className="attributes">
            {attributes.map(([name, value]) => (
              <div key={name}>
                <dt>{attributeLabel(name)}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
    </article>
  );
}
