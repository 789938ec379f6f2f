import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// In development (`npm run dev`) the APIs are proxied to a running `./mercato up`.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      "/users": "http://localhost:8080",
      "/catalog": "http://localhost:8080",
      "/cart": "http://localhost:8080",
      "/orders": "http://localhost:8080",
    },
  },
  test: {
    environment: "node",
  },
});
