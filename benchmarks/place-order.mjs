// Place-order throughput and latency: a short, bounded load against a running Mercato (loopback only).
// Usage: MERCATO_ADMIN_EMAIL=... MERCATO_ADMIN_PASSWORD=... node benchmarks/place-order.mjs [baseUrl] [orders] [concurrency]
// The staff account stocks 20 demo SKUs (100,000 units each). Each worker signs up its own customer; for every
// order it fills a fresh guest cart with 1 to 3 lines (not timed), then times POST /orders/api/orders with the
// sandbox token tok_visa: read cart, re-price, reserve, charge, save order + OrderPlaced. Progress every 10 %.
import { jsonClient, loopbackBaseUrl, percentile, stockedDemoSkus, staffToken } from "./support.mjs";

const baseUrl = loopbackBaseUrl(process.argv[2]);
const orders = Number(process.argv[3] ?? 300);
const concurrency = Number(process.argv[4] ?? 4);
const call = jsonClient(baseUrl);
const skus = await stockedDemoSkus(call, await staffToken(call));

const address = { name: "Bench Shopper", line1: "1 Load Lane", city: "Berlin", postalCode: "10115", country: "DE" };
const latencies = [];
let failures = 0;
let next = 0;
let reported = 0;

async function worker(index) {
  const customerEmail = `bench-${Date.now()}-${index}@example.com`;
  await call("POST", "/users/api/accounts", { email: customerEmail, password: "bench password 1", name: "Bench" });
  let token = (await call("POST", "/users/api/tokens", { email: customerEmail, password: "bench password 1" })).json
    .access_token;
  let signedInAt = Date.now();
  while (next < orders) {
    next++;
    if (Date.now() - signedInAt > 10 * 60_000) {
      token = (await call("POST", "/users/api/tokens", { email: customerEmail, password: "bench password 1" })).json
        .access_token;
      signedInAt = Date.now();
    }
    const cart = (await call("POST", "/cart/api/carts", undefined, token)).json.id;
    const lines = 1 + Math.floor(Math.random() * 3);
    for (let i = 0; i < lines; i++) {
      const sku = skus[Math.floor(Math.random() * skus.length)];
      await call("POST", `/cart/api/carts/${cart}/items`, { sku, quantity: 1 }, token);
    }
    const started = performance.now();
    const placed = await call(
      "POST",
      "/orders/api/orders",
      { cartId: cart, shippingAddress: address, payment: { method: "card", token: "tok_visa" } },
      token,
      { "idempotency-key": crypto.randomUUID() },
    );
    latencies.push(performance.now() - started);
    if (placed.status !== 201) {
      failures++;
      if (failures <= 5) {
        console.error(`order failed: ${placed.status} ${JSON.stringify(placed.json)}`);
      }
    }
    if (latencies.length >= reported + orders / 10) {
      reported = latencies.length;
      console.error(`  ${latencies.length}/${orders} orders`);
    }
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(i)));
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
// the wall time includes filling the carts (not timed per order), so orders/s is the whole shopper loop
const placeSeconds = latencies.reduce((a, b) => a + b, 0) / 1000 / concurrency;
console.log(
  JSON.stringify({
    orders: latencies.length,
    concurrency,
    failures,
    wallSeconds: Number(seconds.toFixed(1)),
    ordersPerSecondWall: Number((latencies.length / seconds).toFixed(1)),
    ordersPerSecondPlacing: Number((latencies.length / placeSeconds).toFixed(1)),
    p50ms: percentile(latencies, 50),
    p95ms: percentile(latencies, 95),
    p99ms: percentile(latencies, 99),
    maxMs: Number(latencies[latencies.length - 1].toFixed(1)),
  }),
);
