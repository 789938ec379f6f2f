import { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { useSession } from "../hooks";
import { paths } from "../paths";
import { Spinner } from "./ui";

/** Pages for signed-in shoppers: a guest is sent to sign in, and comes back here afterwards. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const state = useSession();
  const location = useLocation();
  if (state.status === "restoring") {
    return <Spinner label="Checking your session" />;
  }
  if (state.status === "guest") {
    return <Navigate to={paths.signIn(location.pathname + location.search)} replace />;
  }
  return <>{children}</>;
}
