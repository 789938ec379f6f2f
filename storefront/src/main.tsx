import { StrictMode, startTransition } from "react";
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

// The first render is a transition: React renders the page in slices of a few milliseconds and lets the browser
// breathe in between, instead of one long task that holds a slow phone's main thread (Total Blocking Time).
const root = createRoot(document.getElementById("root")!);
startTransition(() => {
  root.render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
});
