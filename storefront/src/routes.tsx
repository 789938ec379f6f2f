// The shop's pages. The pages a shopper lands on from a search engine or a shared link (home, listing,
// product) are in the first bundle, so their first paint waits for no second script; the others are loaded
// when first visited (React.lazy). Keep the list in step with the servlet mappings of ShopPages in webapp-extra/WEB-INF/web.xml,
// which answer these paths with index.html (server/src/main/java).
import { lazy } from "react";
import { RouteObject } from "react-router";
import { Layout } from "./components/Layout";
import { RequireSignIn } from "./components/RequireSignIn";
import HomePage from "./pages/HomePage";
import ListingPage from "./pages/ListingPage";
import ProductPage from "./pages/ProductPage";

const CartPage = lazy(() => import("./pages/CartPage"));
const SignInPage = lazy(() => import("./pages/SignInPage"));
const RegisterPage = lazy(() => import("./pages/RegisterPage"));
const CheckoutPage = lazy(() => import("./pages/CheckoutPage"));
const OrdersPage = lazy(() => import("./pages/OrdersPage"));
const OrderPage = lazy(() => import("./pages/OrderPage"));
const AccountPage = lazy(() => import("./pages/AccountPage"));
const NotFoundPage = lazy(() => import("./pages/NotFoundPage"));

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { path: "/", element: <HomePage /> },
      { path: "/search", element: <ListingPage /> },
      { path: "/c/:categorySlug", element: <ListingPage /> },
      { path: "/p/:slug", element: <ProductPage /> },
      { path: "/basket", element: <CartPage /> },
      { path: "/signin", element: <SignInPage /> },
      { path: "/register", element: <RegisterPage /> },
      {
        path: "/checkout",
        element: (
          <RequireSignIn>
            <CheckoutPage />
          </RequireSignIn>
        ),
      },
      {
        path: "/account",
        element: (
          <RequireSignIn>
            <AccountPage />
          </RequireSignIn>
        ),
      },
      {
        path: "/account/orders",
        element: (
          <RequireSignIn>
            <OrdersPage />
          </RequireSignIn>
        ),
      },
      {
        path: "/account/orders/:id",
        element: (
          <RequireSignIn>
            <OrderPage />
          </RequireSignIn>
        ),
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];
