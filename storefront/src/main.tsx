import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, RouterProvider } from "react-router";
import { QueryClientProvider } from "@tanstack/react-query";
import { session } from "./lib/session";
import { createQueryClient } from "./queries";
import { routes } from "./routes";
import "./styles.css";

// a refresh cookie from an earlier visit signs the shopper back in
void session.restore();
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible") {
    session.wake();
  }
});

const router = createBrowserRouter(routes);
const queryClient = createQueryClient();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
