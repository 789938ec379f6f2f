import { Cart, itemsLabel } from "./cart";
import { formatPrice } from "./catalog";

/** The shopper's cart: lines with current prices and availability, the subtotal, and a way to remove lines. */
export function CartPanel({
  cart,
  onRemove,
}: {
  cart: Cart | null;
  onRemove: (sku: string) => void;
}) {
  return (
    <section aria-label="cart" className="cart">
      <h2>
        Cart <span id="cart-count">{itemsLabel(cart?.itemCount ?? 0)}</span>
      </h2>
      {cart && cart.lines.length > 0 ? (
        <>
          <ul>
            {cart.lines.map((line) => (
              <li key={line.sku} className="cart-line">
                <span className="name">{line.name}</span> × {line.quantity}{" "}
                <span className="price">{formatPrice(line.lineTotal)}</span>
                {line.inStock === false && (
                  <span className="warning"> only {line.available} left</span>
                )}
                <button className="link" onClick={() => onRemove(line.sku)}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
          {cart.subtotal && <p id="cart-subtotal">Subtotal {formatPrice(cart.subtotal)}</p>}
          {(cart.priceStale || cart.availabilityStale) && (
            <p className="warning">Prices or stock could not be checked just now.</p>
          )}
        </>
      ) : (
        <p>Your cart is empty.</p>
      )}
    </section>
  );
}
