// Add-to-cart and stock-reservation latency: a short, bounded load against a running Mercato (loopback only).
// Usage: MERCATO_ADMIN_EMAIL=... MERCATO_ADMIN_PASSWORD=... node benchmarks/cart-and-stock.mjs [baseUrl] [requests] [concurrency]
// The staff account stocks 20 demo SKUs first (100,000 units each); then each phase sends `requests` requests:
//   add-to-cart  POST /cart/api/carts/{id}/items (guest carts; a fresh cart every 40 adds)
//   reserve      POST /inventory/api/reservations (a new order id each, 1 to 3 lines, released afterwards)
const baseUrl = process.argv[2] ?? "http://127.0.0.1:8080";
const requests = Number(process.argv[3] ?? 2000);
const concurrency = Number(process.argv[4] ?? 4);
const email = process.env.MERCATO_ADMIN_EMAIL;
const password = process.env.MERCATO_ADMIN_PASSWORD;
if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(baseUrl)) {
  console.error("benchmarks target this machine only (http://127.0.0.1:PORT)");
  process.exit(2);
}
if (!email || !password) {
  console.error("set MERCATO_ADMIN_EMAIL and MERCATO_ADMIN_PASSWORD (the staff account that stocks the SKUs)");
  process.exit(2);
}

async function call(method, path, body, token) {
  const headers = { "content-type": "application/json" };
  if (token) {
    headers.authorization = `Bearer ${token}`;
  }
  const response = await fetch(baseUrl + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

const login = await call("POST", "/users/api/tokens", { email, password });
if (login.status !== 200) {
  console.error(`sign-in failed: ${login.status}`);
  process.exit(1);
}
const staff = login.json.access_token;

// 20 sellable demo SKUs, stocked well beyond what the run reserves
const page = await call("GET", "/catalog/api/products?size=20&sort=newest");
const skus = [];
for (const item of page.json.items) {
  const detail = await call("GET", `/catalog/api/products/${item.id}`);
  skus.push(detail.json.variants[0].sku);
}
for (const sku of skus) {
  const stocked = await call("PUT", `/inventory/api/stock/${sku}`, { onHand: 100000, reason: "benchmark" }, staff);
  if (stocked.status !== 200) {
    console.error(`could not stock ${sku}: ${stocked.status}`);
    process.exit(1);
  }
}
console.error(`stocked ${skus.length} SKUs`);

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
  const pct = (p) => Number(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1));
  return {
    phase: name,
    requests,
    concurrency,
    failures,
    throughputPerSecond: Number((requests / seconds).toFixed(1)),
    p50ms: pct(50),
    p95ms: pct(95),
    p99ms: pct(99),
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
