import { Link, useParams, useSearchParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { formatDate, Notice, PageTitle, Price, Spinner } from "../components/ui";
import { addressLine } from "../lib/account";
import { ApiError, errorMessage } from "../lib/http";
import { getOrder, isFinal, Order, STATUS_LABELS, taxIncluded, timeline } from "../lib/orders";
import { TotalsList } from "../components/CartSummary";
import { paths } from "../paths";
import { keys } from "../queries";
import NotFoundPage from "./NotFoundPage";

/** How often an open order page asks for news while the order is on its way. */
export const REFRESH_MS = 5_000;

export function refetchWhileOpen(order: Order | undefined): number | false {
  return order && !isFinal(order.status) ? REFRESH_MS : false;
}

function Timeline({ order }: { order: Order }) {
  return (
    <ol className="timeline" aria-label="Order status">
      {timeline(order).map((step) => (
        <li
          key={step.status}
          className={`timeline-step ${step.state} status-${step.status.toLowerCase()}`}
          aria-current={step.state === "current" ? "step" : undefined}
        >
          <span className="timeline-dot" aria-hidden="true" />
          <span className="timeline-label">
            {step.label}
            {step.state === "upcoming" && <span className="visually-hidden"> (not yet)</span>}
          </span>
          {step.at && <time dateTime={step.at}>{formatDate(step.at)}</time>}
          {step.detail && <span className="timeline-detail">{step.detail}</span>}
        </li>
      ))}
    </ol>
  );
}

export default function OrderPage() {
  const { id = "" } = useParams();
  const [params] = useSearchParams();
  const placed = params.get("placed") === "1";
  const order = useQuery({
    queryKey: keys.order(id),
    queryFn: () => getOrder(id),
    refetchInterval: (query) => refetchWhileOpen(query.state.data),
    refetchIntervalInBackground: false,
  });
  if (order.isPending) {
    return <Spinner label="Loading the order" />;
  }
  if (order.isError) {
    if (order.error instanceof ApiError && order.error.status === 404) {
      return <NotFoundPage what="order" />;
    }
    return (
      <Notice tone="error" title="The order could not be loaded.">
        <p>{errorMessage(order.error)}</p>
        <button type="button" className="button" onClick={() => order.refetch()}>
          Try again
        </button>
      </Notice>
    );
  }
  const o = order.data;
  const number = o.id.slice(0, 8).toUpperCase();
  return (
    <article className="order-page">
      <PageTitle title={placed ? "Thank you for your order" : `Order ${number}`} />
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to={paths.account}>Your account</Link>
          </li>
          <li>
            <Link to={paths.orders()}>Orders</Link>
          </li>
          <li aria-current="page">Order {number}</li>
        </ol>
      </nav>
      {placed ? (
        <div className="confirmation">
          <h1>Thank you for your order</h1>
          <p>
            Order <strong>{number}</strong> is placed and paid. We will email you when it ships;
            this page follows it as it goes.
          </p>
        </div>
      ) : (
        <h1>Order {number}</h1>
      )}
      <p className="order-meta">
        Placed {formatDate(o.createdAt)} ·{" "}
        <span className={`status-badge status-${o.status.toLowerCase()}`} id="order-status">
          {STATUS_LABELS[o.status]}
        </span>
      </p>
      <section aria-labelledby="status-title" className="order-section">
        <h2 id="status-title">Status</h2>
        <Timeline order={o} />
        {o.trackingNumber && (
          <p className="tracking">
            Tracking number: <strong id="tracking-number">{o.trackingNumber}</strong>
          </p>
        )}
        {!isFinal(o.status) && (
          <p className="hint" aria-live="off">
            This page updates by itself.
          </p>
        )}
      </section>
      <div className="order-columns">
        <section aria-labelledby="items-title" className="order-section">
          <h2 id="items-title">Items</h2>
          <ul className="review-lines">
            {o.lines.map((l) => (
              <li key={l.sku}>
                <span className="review-name">
                  {l.quantity} × {l.name}
                </span>
                <Price money={l.total} />
              </li>
            ))}
          </ul>
          <TotalsList totals={o.totals} included={taxIncluded(o.totals)} />
        </section>
        <section aria-labelledby="ship-title" className="order-section">
          <h2 id="ship-title">Shipping to</h2>
          <p>{addressLine(o.shippingAddress)}</p>
        </section>
      </div>
    </article>
  );
}
