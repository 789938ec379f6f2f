import { Link, useSearchParams } from "react-router";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Pagination } from "../components/Pagination";
import { formatDate, Notice, PageTitle, Price, Spinner } from "../components/ui";
import { errorMessage } from "../lib/http";
import { failureText, listOrders, STATUS_LABELS } from "../lib/orders";
import { paths } from "../paths";
import { keys } from "../queries";

const SIZE = 10;

export default function OrdersPage() {
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get("page")) || 1);
  const orders = useQuery({
    queryKey: keys.orders(page),
    queryFn: () => listOrders(page - 1, SIZE),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="orders-page">
      <PageTitle title="Your orders" />
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to={paths.account}>Your account</Link>
          </li>
          <li aria-current="page">Orders</li>
        </ol>
      </nav>
      <h1>Your orders</h1>
      {orders.isPending && <Spinner label="Loading your orders" />}
      {orders.isError && (
        <Notice tone="error" title="Your orders could not be loaded.">
          <p>{errorMessage(orders.error)}</p>
          <button type="button" className="button" onClick={() => orders.refetch()}>
            Try again
          </button>
        </Notice>
      )}
      {orders.data && orders.data.items.length === 0 && (
        <div className="empty-state">
          <p>You have not ordered anything yet.</p>
          <Link to={paths.search()} className="button primary">
            Start shopping
          </Link>
        </div>
      )}
      {orders.data && orders.data.items.length > 0 && (
        <>
          <ul className="order-list">
            {orders.data.items.map((order) => (
              <li key={order.id} className="order-summary">
                <Link to={paths.order(order.id)} className="order-link">
                  <span className="order-date">{formatDate(order.createdAt, false)}</span>
                  <span className="order-number">Order {order.id.slice(0, 8).toUpperCase()}</span>
                  <span className={`status-badge status-${order.status.toLowerCase()}`}>
                    {STATUS_LABELS[order.status]}
                  </span>
                  <span className="order-items">
                    {order.lines.reduce((n, l) => n + l.quantity, 0)} item(s)
                  </span>
                  <Price money={order.total} />
                  {order.status === "FAILED" && (
                    <span className="order-failure">{failureText(order)}</span>
                  )}
                </Link>
              </li>
            ))}
          </ul>
          <Pagination
            page={page}
            pages={Math.ceil(orders.data.total / SIZE)}
            hrefFor={(p) => paths.orders(p)}
          />
        </>
      )}
    </section>
  );
}
