import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { useQueries, useQuery } from "@tanstack/react-query";
import { CartSummary } from "../components/CartSummary";
import { ProductImage } from "../components/ProductImage";
import { Notice, PageTitle, Price, QuantityStepper, Spinner } from "../components/ui";
import { useCart, useCartActions, useSession } from "../hooks";
import { countryOptions, listAddresses } from "../lib/account";
import {
  blocksCheckout,
  Cart,
  CartLine,
  itemsLabel,
  MAX_QUANTITY,
  noticeText,
  reconcile,
  savedLines,
} from "../lib/cart";
import { attributeLabel, getProduct, getSkus, ImageRef, SkuInfo } from "../lib/catalog";
import { errorMessage } from "../lib/http";
import { getQuote } from "../lib/orders";
import { paths } from "../paths";
import { keys } from "../queries";

const COUNTRY = "mercato.country";

/** What the cart holds, as a key: quotes and saved prices are asked again when it changes. */
export function cartSignature(cart: Cart): string {
  return cart.lines.map((l) => `${l.sku}x${l.quantity}`).join(",");
}

function Line({
  cart,
  line,
  info,
}: {
  cart: Cart;
  line: CartLine;
  info: { sku?: SkuInfo; image?: ImageRef | null };
}) {
  const { change, remove } = useCartActions();
  const busy =
    (change.isPending && change.variables?.sku === line.sku) ||
    (remove.isPending && remove.variables?.sku === line.sku);
  const failure = change.error ?? remove.error;
  const variantText = info.sku
    ? Object.entries(info.sku.attributes)
        .map(([k, v]) => `${attributeLabel(k)}: ${v}`)
        .join(", ")
    : "";
  const max = Math.min(
    MAX_QUANTITY,
    Math.max(line.quantity, line.available !== undefined ? line.available : MAX_QUANTITY),
  );
  return (
    <li className={busy ? "cart-line busy" : "cart-line"}>
      <div className="cart-line-image">
        <ProductImage image={info.image} alt="" sizes="96px" />
      </div>
      <div className="cart-line-info">
        <p className="name">
          {info.sku ? (
            <Link to={paths.product(info.sku.slug, line.sku)}>{line.name}</Link>
          ) : (
            line.name
          )}
        </p>
        {variantText && <p className="variant">{variantText}</p>}
        <p className="unit-price">
          <Price money={line.unitPrice} /> each
        </p>
        {line.inStock === false && (
          <p className="warning">
            {line.available ? `Only ${line.available} left` : "Out of stock"}
          </p>
        )}
        {!line.sellable && <p className="warning">No longer sold</p>}
        {failure && (change.variables?.sku === line.sku || remove.variables?.sku === line.sku) && (
          <p className="field-error" role="alert">
            {errorMessage(failure)}
          </p>
        )}
      </div>
      <div className="cart-line-actions">
        <QuantityStepper
          id={`qty-${line.sku}`}
          label={`Quantity of ${line.name}`}
          value={line.quantity}
          max={max}
          disabled={busy}
          onChange={(quantity) =>
            quantity !== line.quantity &&
            change.mutate({ cartId: cart.id, sku: line.sku, quantity })
          }
        />
        <button
          type="button"
          className="link-button remove"
          disabled={busy}
          aria-label={`Remove ${line.name}`}
          onClick={() => remove.mutate({ cartId: cart.id, sku: line.sku })}
        >
          Remove
        </button>
      </div>
      <p className="line-total">
        <Price money={line.lineTotal} />
      </p>
    </li>
  );
}

export default function CartPage() {
  const state = useSession();
  const navigate = useNavigate();
  const cart = useCart();
  const signedIn = state.status === "signed-in";
  const data = cart.data;
  const signature = data ? cartSignature(data) : "";
  const skus = data?.lines.map((l) => l.sku) ?? [];

  const saved = useQuery({
    queryKey: keys.savedLines(data?.id ?? "", signature),
    queryFn: () => savedLines(data!.id),
    enabled: !!data && data.lines.length > 0,
  });
  const skuInfo = useQuery({
    queryKey: keys.skus(skus),
    queryFn: ({ signal }) => getSkus(skus, signal),
    enabled: skus.length > 0,
    staleTime: 60_000,
  });
  const slugs = [...new Set((skuInfo.data ?? []).map((s) => s.slug))];
  const products = useQueries({
    queries: slugs.map((slug) => ({
      queryKey: keys.product(slug),
      queryFn: ({ signal }: { signal: AbortSignal }) => getProduct(slug, signal),
      staleTime: 60_000,
    })),
  });
  const addresses = useQuery({
    queryKey: keys.addresses,
    queryFn: listAddresses,
    enabled: signedIn,
  });
  const [chosenCountry, setChosenCountry] = useState<string | null>(() =>
    localStorage.getItem(COUNTRY),
  );
  const country = chosenCountry ?? addresses.data?.[0]?.country ?? "";
  const quote = useQuery({
    queryKey: keys.quote(data?.id ?? "", country, signature),
    queryFn: () => getQuote(data!.id, country),
    enabled: signedIn && !!data && data.lines.length > 0 && !!country,
  });

  if (state.status === "restoring" || cart.isPending) {
    return <Spinner label="Loading your cart" />;
  }
  if (cart.isError) {
    return (
      <Notice tone="error" title="Your cart could not be loaded.">
        <p>{errorMessage(cart.error)}</p>
        <button type="button" className="button" onClick={() => cart.refetch()}>
          Try again
        </button>
      </Notice>
    );
  }
  if (!data || data.lines.length === 0) {
    return (
      <section className="cart-page">
        <PageTitle title="Cart" />
        <h1>Your cart</h1>
        <div className="empty-state">
          <p>Your cart is empty.</p>
          <Link to={paths.search()} className="button primary">
            Start shopping
          </Link>
        </div>
      </section>
    );
  }
  const notices = reconcile(data, saved.data);
  const infoFor = (sku: string) => {
    const info = skuInfo.data?.find((s) => s.sku === sku);
    const product = products.find((p) => p.data?.slug === info?.slug)?.data;
    const image = product
      ? (product.images.find((i) => i.sku === sku) ?? product.images[0] ?? null)
      : null;
    return { sku: info, image };
  };
  const note = !signedIn
    ? "Shipping and VAT for your country are shown at checkout, after you sign in."
    : !country
      ? "Choose where to ship to see shipping and VAT."
      : quote.isPending
        ? "Working out shipping and VAT…"
        : quote.isError
          ? "Shipping and VAT could not be worked out just now; they are shown at checkout."
          : "Shipping and VAT are added at checkout.";

  return (
    <section className="cart-page">
      <PageTitle title="Cart" />
      <h1>
        Your cart <span className="count">({itemsLabel(data.itemCount)})</span>
      </h1>
      {notices.length > 0 && (
        <Notice tone="warning" title="Things changed since you added them" className="cart-notices">
          <ul>
            {notices.map((n, i) => (
              <li key={i}>{noticeText(n)}</li>
            ))}
          </ul>
        </Notice>
      )}
      <div className="cart-layout">
        <ul className="cart-lines" aria-label="Items">
          {data.lines.map((line) => (
            <Line key={line.sku} cart={data} line={line} info={infoFor(line.sku)} />
          ))}
        </ul>
        <aside className="cart-summary" aria-labelledby="summary-title">
          <h2 id="summary-title">Summary</h2>
          {signedIn && (
            <div className="field">
              <label htmlFor="ship-to">Ship to</label>
              <select
                id="ship-to"
                value={country}
                onChange={(e) => {
                  setChosenCountry(e.target.value);
                  localStorage.setItem(COUNTRY, e.target.value);
                }}
              >
                <option value="">Choose a country</option>
                {countryOptions().map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <CartSummary cart={data} quote={quote.data} note={note} />
          <button
            type="button"
            className="button primary wide"
            disabled={blocksCheckout(notices)}
            onClick={() => navigate(paths.checkout)}
          >
            Check out
          </button>
          {blocksCheckout(notices) && (
            <p className="totals-note">Fix the items marked above to check out.</p>
          )}
          <Link to={paths.search()} className="continue">
            Continue shopping
          </Link>
        </aside>
      </div>
    </section>
  );
}
