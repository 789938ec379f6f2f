// Place-order throughput and latency: a short, bounded load against a running Mercato (loopback only).
// Usage: MERCATO_ADMIN_EMAIL=... MERCATO_ADMIN_PASSWORD=... node benchmarks/place-order.mjs [baseUrl] [orders] [concurrency]
// The staff account stocks 20 demo SKUs (100,000 units each). Each worker signs up its own customer; for every
// order it fills a fresh guest cart with 1 to 3 lines (not timed), then times POST /orders/api/orders with the
// sandbox token tok_visa: read cart, re-price, reserve, charge, save order + OrderPlaced. Progress every 10 %.
const baseUrl = process.argv[2] ?? "http://127.0.0.1:8080";
const orders = Number(process.argv[3] ?? 300);
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

async function call(method, path, body, token, headers = {}) {
  const response = await fetch(baseUrl + path, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

const staff = (await call("POST", "/users/api/tokens", { email, password })).json?.access_token;
if (!staff) {
  console.error("staff sign-in failed");
  process.exit(1);
}
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
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
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
    p50ms: Number(pct(50)),
    p95ms: Number(pct(95)),
    p99ms: Number(pct(99)),
    maxMs: Number(latencies[latencies.length - 1].toFixed(1)),
  }),
);
