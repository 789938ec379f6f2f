import { FormEvent, useEffect, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { AddressFields, EMPTY_ADDRESS } from "../components/AddressFields";
import { CartSummary } from "../components/CartSummary";
import { Notice, PageTitle, Price, Spinner } from "../components/ui";
import { cartOwner, useCart, useSession } from "../hooks";
import { Address, addAddress, addressLine, listAddresses, postal } from "../lib/account";
import { blocksCheckout, reconcile, noticeText } from "../lib/cart";
import { ApiError, errorMessage } from "../lib/http";
import { formatPrice } from "../lib/money";
import {
  checkoutProblem,
  CheckoutProblem,
  getQuote,
  Order,
  OrderAttempts,
  PlaceOrderBody,
  TEST_CARDS,
} from "../lib/orders";
import { paths } from "../paths";
import { keys } from "../queries";
import { cartSignature } from "./CartPage";

const NEW = "new";

const wait = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

export default function CheckoutPage() {
  const state = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const cart = useCart();
  const addresses = useQuery({ queryKey: keys.addresses, queryFn: listAddresses });
  const [choice, setChoice] = useState<string | null>(null);
  const [draft, setDraft] = useState<Address>(() => ({
    ...EMPTY_ADDRESS,
    name: state.status === "signed-in" ? state.account.name : "",
  }));
  const [save, setSave] = useState(true);
  const [card, setCard] = useState<string>(TEST_CARDS[0].token);
  const [problem, setProblem] = useState<CheckoutProblem | null>(null);
  const [attempts] = useState(() => new OrderAttempts());
  const inFlight = useRef(false);
  const cardRef = useRef<HTMLSelectElement>(null);

  const saved = addresses.data ?? [];
  const selected = choice ?? (saved.length > 0 ? saved[0].id! : NEW);
  const address: Address | undefined =
    selected === NEW ? draft : saved.find((a) => a.id === selected);
  const data = cart.data;
  const signature = data ? cartSignature(data) : "";
  const country = address?.country ?? "";
  const quote = useQuery({
    queryKey: keys.quote(data?.id ?? "", country, signature),
    queryFn: () => getQuote(data!.id, country),
    enabled: !!data && data.lines.length > 0 && /^[A-Z]{2}$/.test(country),
  });

  const place = useMutation({
    mutationFn: async (body: PlaceOrderBody): Promise<Order> => {
      // an order still being placed under this key: ask again shortly, with the same key
      for (let tries = 0; ; tries++) {
        try {
          return await attempts.place(body);
        } catch (e) {
          if (e instanceof ApiError && e.kind === "order-in-progress" && tries < 3) {
            await wait(e.retryAfterSeconds ?? 2);
            continue;
          }
          throw e;
        }
      }
    },
  });

  // a declined card: the card choice is where the shopper goes next (once the form is enabled again)
  useEffect(() => {
    if (problem?.action === "payment" && !place.isPending) {
      cardRef.current?.focus();
    }
  }, [problem, place.isPending]);

  if (cart.isPending || addresses.isPending) {
    return <Spinner label="Preparing checkout" />;
  }
  if (cart.isError) {
    return (
      <Notice tone="error" title="Your cart could not be loaded.">
        {errorMessage(cart.error)}
      </Notice>
    );
  }
  if (!data || data.lines.length === 0) {
    return (
      <section className="checkout-page">
        <PageTitle title="Checkout" />
        <h1>Checkout</h1>
        <p>Your cart is empty.</p>
        <Link to={paths.search()} className="button primary">
          Start shopping
        </Link>
      </section>
    );
  }
  const cartNotices = reconcile(data);
  const blocked = blocksCheckout(cartNotices);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // a second click before the button is disabled must not send a second request
    if (inFlight.current || !address || !data) {
      return;
    }
    inFlight.current = true;
    setProblem(null);
    try {
      let shippingAddress = postal(address);
      if (selected === NEW && save) {
        try {
          const added = await addAddress(address);
          await client.invalidateQueries({ queryKey: keys.addresses });
          setChoice(added.id!);
          shippingAddress = postal(added);
        } catch {
          // the order matters more than the address book: go on, the address is in the order
        }
      }
      const order = await place.mutateAsync({
        cartId: data.id,
        shippingAddress,
        payment: { method: "card", token: card },
      });
      // the cart service empties the cart when it hears of the order (an event, a moment later): show it empty now
      client.setQueryData(keys.cart(cartOwner(state)), {
        ...data,
        lines: [],
        itemCount: 0,
        subtotal: undefined,
      });
      client.removeQueries({ queryKey: ["quote"] });
      client.setQueryData(keys.order(order.id), order);
      void client.invalidateQueries({ queryKey: ["orders"] });
      navigate(paths.order(order.id, true));
    } catch (e) {
      const described = checkoutProblem(e);
      setProblem(described);
      if (described.action === "cart") {
        void client.invalidateQueries({ queryKey: ["cart"] });
      }
    } finally {
      inFlight.current = false;
    }
  }

  const lines = quote.data?.lines ?? data.lines.map((l) => ({ ...l, total: l.lineTotal }));

  return (
    <section className="checkout-page">
      <PageTitle title="Checkout" />
      <h1>Checkout</h1>
      <form
        onSubmit={submit}
        className="checkout-layout"
        aria-describedby={problem ? "checkout-problem" : undefined}
      >
        <div className="checkout-steps">
          <fieldset className="step" disabled={place.isPending}>
            <legend>
              <span className="step-number">1</span> Shipping address
            </legend>
            {saved.length > 0 && (
              <ul className="address-choices">
                {saved.map((a) => (
                  <li key={a.id}>
                    <input
                      type="radio"
                      id={`address-${a.id}`}
                      name="address"
                      value={a.id}
                      checked={selected === a.id}
                      onChange={() => setChoice(a.id!)}
                    />
                    <label htmlFor={`address-${a.id}`}>{addressLine(a)}</label>
                  </li>
                ))}
                <li>
                  <input
                    type="radio"
                    id="address-new"
                    name="address"
                    value={NEW}
                    checked={selected === NEW}
                    onChange={() => setChoice(NEW)}
                  />
                  <label htmlFor="address-new">A new address</label>
                </li>
              </ul>
            )}
            {selected === NEW && (
              <>
                <AddressFields idPrefix="ship" value={draft} onChange={setDraft} />
                <div className="checkbox">
                  <input
                    type="checkbox"
                    id="save-address"
                    checked={save}
                    onChange={(e) => setSave(e.target.checked)}
                  />
                  <label htmlFor="save-address">Save this address to my address book</label>
                </div>
              </>
            )}
          </fieldset>

          <fieldset className="step" disabled={place.isPending}>
            <legend>
              <span className="step-number">2</span> Payment
            </legend>
            <div className="field">
              <label htmlFor="card">Card</label>
              <select
                id="card"
                ref={cardRef}
                value={card}
                onChange={(e) => setCard(e.target.value)}
              >
                {TEST_CARDS.map((c) => (
                  <option key={c.token} value={c.token}>
                    {c.label}
                  </option>
                ))}
              </select>
              <p className="hint">
                This shop runs a payment sandbox: choose a test card, no real money moves.
              </p>
            </div>
          </fieldset>
        </div>

        <aside className="step review" aria-labelledby="review-title">
          <h2 id="review-title">
            <span className="step-number">3</span> Review and pay
          </h2>
          <ul className="review-lines">
            {lines.map((l) => (
              <li key={l.sku}>
                <span className="review-name">
                  {l.quantity} × {l.name}
                </span>
                <Price money={l.total} />
              </li>
            ))}
          </ul>
          {quote.isError && (
            <Notice tone="warning">
              Shipping and VAT could not be worked out just now: {errorMessage(quote.error)}
            </Notice>
          )}
          <CartSummary
            cart={data}
            quote={quote.data}
            note={
              quote.isFetching
                ? "Working out shipping and VAT…"
                : quote.data === null
                  ? "Shipping and VAT are added by the order service; your confirmation shows the total charged."
                  : undefined
            }
          />
          {cartNotices.length > 0 && (
            <Notice tone="warning">
              <ul>
                {cartNotices.map((n, i) => (
                  <li key={i}>{noticeText(n)}</li>
                ))}
              </ul>
              <Link to={paths.cart}>Review your cart</Link>
            </Notice>
          )}
          {problem && (
            <div id="checkout-problem">
              <Notice tone="error" title={problem.title}>
                <p>{problem.message}</p>
                {problem.action === "cart" && <Link to={paths.cart}>Review your cart</Link>}
                {problem.action === "orders" && <Link to={paths.orders()}>See your orders</Link>}
                {problem.action === "sign-in" && (
                  <Link to={paths.signIn(paths.checkout)}>Sign in again</Link>
                )}
              </Notice>
            </div>
          )}
          <button
            type="submit"
            className="button primary wide place-order"
            disabled={place.isPending || blocked || !address}
          >
            {place.isPending
              ? "Placing your order…"
              : problem?.action === "retry"
                ? "Try again"
                : quote.data
                  ? `Place order · ${formatPrice(quote.data.totals.total)}`
                  : "Place order"}
          </button>
        </aside>
      </form>
    </section>
  );
}
