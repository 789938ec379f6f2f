// Places an order end to end against a running Mercato (`./mercato up`) and watches it ship.
// Usage: node scripts/order-demo.mjs [baseUrl]     (MERCATO_DATA_DIR: where ./mercato up keeps its data, ./data)
// Registers a new customer, fills a cart with two in-stock demo products, places the order with the sandbox
// card token tok_visa, follows the order until SHIPPED (the demo warehouse dispatches after a few seconds), then
// prints the emails the shop sent, as the embedded mail catcher saved them (data/mail/*.eml).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const baseUrl = process.argv[2] ?? "http://127.0.0.1:8080";
const mailDir = join(process.env.MERCATO_DATA_DIR ?? "data", "mail");

async function call(method, path, body, token, headers = {}) {
  const response = await fetch(baseUrl + path, {
    method,
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text && response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text;
  if (!response.ok) {
    throw new Error(`${method} ${path}: ${response.status} ${typeof json === "string" ? json : JSON.stringify(json)}`);
  }
  return json;
}

const money = (m) => `${m.currency} ${(m.amount / 100).toFixed(2)}`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const email = `shopper-${Date.now()}@example.com`;
const password = "correct horse battery";
await call("POST", "/users/api/accounts", { email, password, name: "Demo Shopper" });
const token = (await call("POST", "/users/api/tokens", { email, password })).access_token;
console.log(`1. registered ${email}`);

const products = (await call("GET", "/catalog/api/products?inStock=true&size=2&sort=newest")).items;
if (products.length < 2) {
  throw new Error("no products in stock: is the demo catalog there (first start of ./mercato up)?");
}
const cart = await call("POST", "/cart/api/carts", undefined, token);
for (const product of products) {
  const detail = await call("GET", `/catalog/api/products/${product.id}`);
  await call("POST", `/cart/api/carts/${cart.id}/items`, { sku: detail.variants[0].sku, quantity: 1 }, token);
  console.log(`2. added ${detail.name} (${money(detail.variants[0].price)}) to cart ${cart.id}`);
}

const order = await call(
  "POST",
  "/orders/api/orders",
  {
    cartId: cart.id,
    shippingAddress: { name: "Demo Shopper", line1: "1 Market Street", city: "Berlin", postalCode: "10115", country: "DE" },
    payment: { method: "card", token: "tok_visa" },
  },
  token,
  { "idempotency-key": crypto.randomUUID() },
);
console.log(`3. placed order ${order.id}: ${order.status}, total ${money(order.total)}`);

let status = order.status;
const deadline = Date.now() + 120_000;
while (status !== "SHIPPED" && Date.now() < deadline) {
  await sleep(1000);
  const now = await call("GET", `/orders/api/orders/${order.id}`, undefined, token);
  if (now.status !== status) {
    status = now.status;
    console.log(`4. order is ${status}${now.trackingNumber ? `, tracking ${now.trackingNumber}` : ""}`);
  }
}
if (status !== "SHIPPED") {
  throw new Error(`the order did not ship within 2 minutes (still ${status})`);
}

// the shipping email follows the dispatch within a few seconds
const wanted = email.replace(/[^A-Za-z0-9@.-]/g, "_");
let files = [];
for (let i = 0; i < 30 && files.length < 2; i++) {
  await sleep(1000);
  files = readdirSync(mailDir).filter((name) => name.includes(wanted)).sort();
}
console.log(`5. ${files.length} email(s) to ${email} in ${mailDir}:`);
for (const file of files) {
  const raw = readFileSync(join(mailDir, file), "utf8");
  // headers may be folded over several lines
  const headers = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, " ");
  const subject = headers.match(/^Subject: (.*)$/m)?.[1] ?? "?";
  console.log(`   ${file}: "${subject}"`);
}
if (files.length < 2) {
  throw new Error("expected the confirmation and the shipping email");
}
console.log("Open the .eml files with any mail program to read them (text and HTML).");
