import { Suspense, useEffect, useRef } from "react";
import { Link, NavLink, Outlet, ScrollRestoration, useLocation } from "react-router";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCart, useSession } from "../hooks";
import { paths } from "../paths";
import { categoriesQuery, PRIVATE_KEYS } from "../queries";
import { ErrorBoundary } from "./ErrorBoundary";
import { SearchBox } from "./SearchBox";
import { Spinner } from "./ui";

function CartLink() {
  const cart = useCart();
  const count = cart.data?.itemCount ?? 0;
  return (
    <Link to={paths.cart} className="header-link cart-link">
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path
          d="M3 4h2l2.4 11.2a1 1 0 0 0 1 .8h8.9a1 1 0 0 0 1-.8L20 8H6.2"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
        <circle cx="9" cy="20" r="1.5" fill="currentColor" />
        <circle cx="17" cy="20" r="1.5" fill="currentColor" />
      </svg>
      <span className="header-link-text">Cart</span>
      <span className="cart-count" id="cart-count">
        {count}
        <span className="visually-hidden"> {count === 1 ? "item" : "items"}</span>
      </span>
    </Link>
  );
}

function AccountLinks() {
  const state = useSession();
  const location = useLocation();
  if (state.status === "restoring") {
    return <span className="header-link placeholder" aria-hidden="true" />;
  }
  if (state.status === "guest") {
    const here = location.pathname + location.search;
    const next = ["/signin", "/register"].includes(location.pathname) ? undefined : here;
    return (
      <Link to={paths.signIn(next)} className="header-link">
        <PersonIcon />
        <span className="header-link-text">Sign in</span>
      </Link>
    );
  }
  return (
    <>
      <NavLink to={paths.orders()} className="header-link wide-only">
        Orders
      </NavLink>
      <NavLink to={paths.account} end className="header-link" id="account-link">
        <PersonIcon />
        <span className="header-link-text">{state.account.name.split(" ")[0] || "Account"}</span>
      </NavLink>
    </>
  );
}

function PersonIcon() {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <circle cx="12" cy="8" r="4" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M4 21c1-4 4.5-6 8-6s7 2 8 6" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

function CategoryNav() {
  const categories = useQuery(categoriesQuery);
  if (!categories.data?.length) {
    return <div className="category-nav empty" />;
  }
  return (
    <nav className="category-nav" aria-label="Categories">
      <ul>
        {categories.data.map((c) => (
          <li key={c.id}>
            <NavLink to={paths.category(c.slug)}>{c.name}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Drops the shopper's private data when the session ends, whichever way (sign-out, expiry, another tab). */
function SessionWatcher() {
  const state = useSession();
  const client = useQueryClient();
  const was = useRef(state.status);
  useEffect(() => {
    if (was.current === "signed-in" && state.status === "guest") {
      PRIVATE_KEYS.forEach((key) => client.removeQueries({ queryKey: [key] }));
    }
    was.current = state.status;
  }, [state.status, client]);
  if (state.status === "guest" && state.expired) {
    return (
      <div className="session-expired" role="status">
        Your session has ended. <Link to={paths.signIn()}>Sign in again</Link>
      </div>
    );
  }
  return null;
}

/** After a navigation, focus goes to the new page's content, so screen readers start there (not on load). */
function useFocusOnNavigation() {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById("main")?.focus({ preventScroll: true });
  }, [location.pathname]);
}

export function Layout() {
  const location = useLocation();
  useFocusOnNavigation();
  const q =
    location.pathname === "/search" ? (new URLSearchParams(location.search).get("q") ?? "") : "";
  return (
    <div className="page">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="site-header">
        <div className="header-bar">
          <Link to="/" className="logo" aria-label="Mercato home">
            Mercato
          </Link>
          <SearchBox key={q} initial={q} />
          <nav className="header-links" aria-label="Your shop">
            <AccountLinks />
            <CartLink />
          </nav>
        </div>
        <CategoryNav />
      </header>
      <SessionWatcher />
      <main id="main" tabIndex={-1}>
        <ErrorBoundary key={location.pathname}>
          <Suspense fallback={<Spinner />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
      <footer className="site-footer">
        <p>
          Mercato is an open-source shop. Payments run in a sandbox: use the test cards at checkout.
        </p>
        <p>
          <Link to={paths.search()}>All products</Link> · <Link to={paths.cart}>Cart</Link> ·{" "}
          <Link to={paths.account}>Your account</Link>
        </p>
      </footer>
      {/* a page opened afresh (typed, reloaded, from a link) has no history key: keep its position by URL, so
          another URL opened afresh starts at the top */}
      <ScrollRestoration
        getKey={(location) =>
          location.key === "default" ? location.pathname + location.search : location.key
        }
      />
    </div>
  );
}
