// Add-to-cart and stock-reservation latency: a short, bounded load against a running Mercato (loopback only).
// Usage: MERCATO_ADMIN_EMAIL=... MERCATO_ADMIN_PASSWORD=... node benchmarks/cart-and-stock.mjs [baseUrl] [requests] [concurrency]
// The staff account stocks 20 demo SKUs first (100,000 units each); then each phase sends `requests` requests:
//   add-to-cart  POST /cart/api/carts/{id}/items (guest carts; a fresh cart every 40 adds)
//   reserve      POST /inventory/api/reservations (a new order id each, 1 to 3 lines, released afterwards)
import { jsonClient, loopbackBaseUrl, percentile, stockedDemoSkus, staffToken } from "./support.mjs";

const baseUrl = loopbackBaseUrl(process.argv[2]);
const requests = Number(process.argv[3] ?? 2000);
const concurrency = Number(process.argv[4] ?? 4);
const call = jsonClient(baseUrl);
const staff = await staffToken(call);
const skus = await stockedDemoSkus(call, staff);

async function phase(name, step, prepare = async () => {}) {
  const latencies = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  async function worker(w) {
    const state = {};
    while (next < requests) {
      const i = next++;
      await prepare(i, w, state);
      const t0 = performance.now();
      const ok = await step(i, w, state);
      latencies.push(performance.now() - t0);
      if (!ok) {
        failures++;
      }
      if ((i + 1) % Math.max(1, Math.floor(requests / 5)) === 0) {
        console.error(`  ${name}: ${i + 1}/${requests}`);
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    phase: name,
    requests,
    concurrency,
    failures,
    throughputPerSecond: Number((requests / seconds).toFixed(1)),
    p50ms: percentile(latencies, 50),
    p95ms: percentile(latencies, 95),
    p99ms: percentile(latencies, 99),
  };
}

// the timed step is the add itself; making a new cart now and then is set-up
const addToCart = await phase(
  "add-to-cart",
  async (i, w, state) => {
    state.adds++;
    const result = await call("POST", `/cart/api/carts/${state.cart}/items`, {
      sku: skus[i % skus.length],
      quantity: 1,
    });
    return result.status === 200;
  },
  async (i, w, state) => {
    if (!state.cart || state.adds >= 40) {
      state.cart = (await call("POST", "/cart/api/carts")).json.id;
      state.adds = 0;
    }
  },
);

const run = Date.now().toString(36);
const orders = [];
const reserve = await phase("reserve", async (i) => {
  const lines = [];
  for (let l = 0; l <= i % 3; l++) {
    lines.push({ sku: skus[(i + l * 7) % skus.length], quantity: 1 });
  }
  const orderId = `bench-${run}-${i}`;
  const result = await call("POST", "/inventory/api/reservations", { orderId, lines }, staff);
  orders.push(orderId);
  return result.status === 201;
});

for (const orderId of orders) {
  await call("POST", `/inventory/api/reservations/${orderId}/release`, {}, staff);
}
console.log(JSON.stringify(addToCart));
console.log(JSON.stringify(reserve));
