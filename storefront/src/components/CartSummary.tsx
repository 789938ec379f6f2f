import { Cart } from "../lib/cart";
import { Quote, taxIncluded, Totals } from "../lib/orders";
import { Price } from "./ui";

/** Subtotal, shipping, VAT and total, with the VAT shown as included or as added, as the order service says. */
export function TotalsList({ totals, included }: { totals: Totals; included: boolean }) {
  return (
    <dl className="totals" id="totals">
      <div>
        <dt>Subtotal</dt>
        <dd>
          <Price money={totals.subtotal} />
        </dd>
      </div>
      <div>
        <dt>Shipping</dt>
        <dd>{totals.shipping.amount === 0 ? "Free" : <Price money={totals.shipping} />}</dd>
      </div>
      {!included && (
        <div>
          <dt>VAT</dt>
          <dd>
            <Price money={totals.tax} />
          </dd>
        </div>
      )}
      <div className="grand-total">
        <dt>Total</dt>
        <dd id="grand-total">
          <Price money={totals.total} />
        </dd>
      </div>
      {included && totals.tax.amount > 0 && (
        <div className="tax-note">
          <dt>incl. VAT</dt>
          <dd>
            <Price money={totals.tax} />
          </dd>
        </div>
      )}
      {totals.refunded && totals.refunded.amount > 0 && (
        <>
          <div>
            <dt>Refunded</dt>
            <dd id="refunded">
              −<Price money={totals.refunded} />
            </dd>
          </div>
          {totals.netPaid && (
            <div className="grand-total">
              <dt>Paid after refunds</dt>
              <dd>
                <Price money={totals.netPaid} />
              </dd>
            </div>
          )}
        </>
      )}
    </dl>
  );
}

/** The cart's totals: from the order service's quote when there is one, else the subtotal alone with a note. */
export function CartSummary({
  cart,
  quote,
  note,
}: {
  cart: Cart;
  quote: Quote | null | undefined;
  note?: string;
}) {
  if (quote) {
    return (
      <TotalsList totals={quote.totals} included={taxIncluded(quote.totals, quote.taxIncluded)} />
    );
  }
  return (
    <>
      <dl className="totals" id="totals">
        <div className="grand-total">
          <dt>Subtotal</dt>
          <dd id="cart-subtotal">{cart.subtotal ? <Price money={cart.subtotal} /> : "—"}</dd>
        </div>
      </dl>
      {note && <p className="totals-note">{note}</p>}
    </>
  );
}
