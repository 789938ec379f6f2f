import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// `npm run dev` and `npm run preview` proxy the services' APIs to a running Mercato: ./mercato up on
// http://localhost:8080 unless MERCATO_URL says otherwise (e.g. MERCATO_URL=http://127.0.0.1:18080).
const backend = process.env.MERCATO_URL ?? "http://localhost:8080";
const services = [
  "users",
  "catalog",
  "cart",
  "orders",
  "inventory",
  "payments",
  "notifications",
  "fulfillment",
];
// only the services' paths: /cart/... is the cart service, the shop's own pages never live under it
const proxy = Object.fromEntries(
  services.map((s) => [`^/${s}/`, { target: backend, changeOrigin: false }]),
);

// The same policy as webapp-extra/WEB-INF/web.xml, so `npm run preview` shows what the platform would block.
const csp =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

export default defineConfig({
  plugins: [react()],
  server: { proxy },
  preview: { proxy, headers: { "Content-Security-Policy": csp } },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    restoreMocks: true,
  },
});
