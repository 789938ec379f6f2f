// Drives headless Debian Chromium through the admin console like a person would (the storefront's own suite is
// storefront/e2e/shop.mjs). Usage: node console.mjs <baseUrl> <adminEmail> <adminPassword> <screenshotDir>
// Exits non-zero, with the reason, on the first thing that does not work.
import { chromium } from "playwright-core";

const [baseUrl, adminEmail, adminPassword, shots] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

function expect(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

// Every page reports Content-Security-Policy violations (blocked scripts, styles, frames): there must be none.
const violations = [];
async function watched(page, name) {
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  page.on("console", (message) => {
    const text = message.text();
    if (text.includes("CSP violation") || text.includes("Content Security Policy")) {
      violations.push(`${name}: ${text}`);
    }
  });
  return page;
}

function expectSecurityHeaders(response, what) {
  const headers = response.headers();
  expect(headers["content-security-policy"]?.includes("frame-ancestors 'none'"), `${what}: CSP ${headers["content-security-policy"]}`);
  expect(headers["x-frame-options"] === "DENY", `${what}: X-Frame-Options`);
  expect(headers["x-content-type-options"] === "nosniff", `${what}: X-Content-Type-Options`);
  expect(!!headers["referrer-policy"], `${what}: Referrer-Policy`);
}

const T = { timeout: 15000 };
// a 1x1 PNG: the catalog checks a picture's bytes, so it must be a real one
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

async function api(method, path, token, body) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(method === "POST" ? { "Idempotency-Key": crypto.randomUUID() } : {}),
      ...(body ? { "Content-Type": "application/json" } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  expect(response.ok, `${method} ${path}: HTTP ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

try {
  const staffToken = (await api("POST", "/users/api/tokens", null, { email: adminEmail, password: adminPassword }))
    .access_token;
  // A customer (registered through the API) cannot enter the console.
  const email = `console-${Date.now()}@mercato.test`;
  const registered = await fetch(`${baseUrl}/users/api/accounts`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password: "correct horse battery", name: "Console Visitor" }),
  });
  expect(registered.status === 201, `registering a customer: ${registered.status}`);
  // A customer cannot enter the console; the admin can, and sees every service's readiness.
  const console_ = await watched(await browser.newPage(), "console");
  expectSecurityHeaders(await console_.goto(`${baseUrl}/admin/`), "console sign-in page");
  await console_.fill("#signIn\\:email", email);
  await console_.fill("#signIn\\:password", "correct horse battery");
  await console_.click("#signIn\\:submit");
  await console_.waitForSelector("text=not a staff account", { timeout: 15000 });

  const sessionCookie = async () =>
    (await console_.context().cookies(`${baseUrl}/admin/`)).find((c) => c.name === "JSESSIONID");
  const before = await sessionCookie();
  expect(before && before.httpOnly && before.sameSite === "Strict", `console cookie ${JSON.stringify(before)}`);
  await console_.fill("#signIn\\:email", adminEmail);
  await console_.fill("#signIn\\:password", adminPassword);
  await console_.click("#signIn\\:submit");
  await console_.waitForURL(/dashboard\.xhtml/, { timeout: 15000 });
  const after = await sessionCookie();
  expect(after && after.value !== before.value, "signing in to the console must change the session id");
  const table = await console_.textContent("#health");
  for (const check of ["users-database", "catalog-database", "cart-grid", "analytics-database"]) {
    expect(table.includes(check), `dashboard should list ${check}`);
  }
  expect(!table.includes("DOWN"), "every check should be UP");
  // the dashboard's figures and the 30-day chart from the analytics API
  await console_.waitForSelector("#salesChart canvas", T);
  for (const figure of ["#ordersToday", "#openShipments", "#failedOrders", "#outOfStock"]) {
    expect(await console_.isVisible(figure), `dashboard figure ${figure}`);
  }
  const navigation = await console_.textContent("#header\\:nav");
  expect(navigation.includes("Staff"), "an admin sees the Staff entry");
  await console_.screenshot({ path: `${shots}/admin-dashboard.png`, fullPage: true });

  // Catalog: a product with two variants whose name is markup; it must show as text, never run.
  const run = Date.now().toString(36).toUpperCase();
  const xss = "<img src=x onerror=alert(1)>";
  const alerts = [];
  console_.on("dialog", async (dialog) => {
    alerts.push(dialog.message());
    await dialog.dismiss();
  });
  await console_.click("#header\\:nav >> text=Catalog");
  await console_.waitForSelector("#products\\:table .product-link", T);
  await console_.screenshot({ path: `${shots}/admin-products.png`, fullPage: true });
  await console_.click("#products\\:new");
  await console_.waitForSelector("#product\\:name", T);
  await console_.fill("#product\\:name", xss);
  await console_.fill("#product\\:slug", `console-${run.toLowerCase()}`);
  await console_.fill("#product\\:brand", "Console");
  await console_.fill("#product\\:variants\\:0\\:sku", `CON-${run}-S`);
  await console_.fill("#product\\:variants\\:0\\:variantAttributes", "size=S");
  await console_.fill("#product\\:variants\\:0\\:price_input", "12.50");
  await console_.click("#product\\:addVariant");
  await console_.waitForSelector("#product\\:variants\\:1\\:sku", T);
  await console_.fill("#product\\:variants\\:1\\:sku", `CON-${run}-M`);
  await console_.fill("#product\\:variants\\:1\\:variantAttributes", "size=M");
  await console_.fill("#product\\:variants\\:1\\:price_input", "14.00");
  await console_.click("#product\\:save");
  await console_.waitForURL(/product\.xhtml\?.*id=/, T);
  await console_.waitForSelector("#product\\:productName", T);
  expect((await console_.textContent("#product\\:productName")) === xss, "the product's name shows as text");
  expect((await console_.locator("img[src=x]").count()) === 0, "the product's name made no element");
  const productId = new URL(console_.url()).searchParams.get("id");
  expect(/^[0-9a-f-]{36}$/.test(productId ?? ""), `product id in ${console_.url()}`);
  // a picture, with its preview
  await console_.setInputFiles("#imagesForm\\:upload_input", { name: "dot.png", mimeType: "image/png", buffer: PNG });
  await console_.waitForSelector("#imagesForm img.thumb", T);
  await console_.screenshot({ path: `${shots}/admin-product.png`, fullPage: true });

  // Inventory: 20 units of the first variant counted on hand.
  await console_.click("text=Stock of its SKUs");
  await console_.waitForSelector(`#stock\\:skus >> text=CON-${run}-M`, T);
  await console_.click(`#stock\\:skus >> text=CON-${run}-S`);
  await console_.waitForSelector("#skuForm\\:adjust", T);
  await console_.click("#skuForm\\:adjust");
  await console_.waitForSelector("#adjustForm\\:quantity_input", { state: "visible", ...T });
  await console_.click("#adjustForm\\:mode >> text=Counted on hand");
  await console_.fill("#adjustForm\\:quantity_input", "20");
  await console_.fill("#adjustForm\\:reason", "console stocktake");
  await console_.click("#adjustForm\\:confirm");
  await console_.waitForFunction(() => document.querySelector("#available")?.textContent === "20", null, T);
  expect((await console_.textContent("#movements")).includes("console stocktake"), "the movement lists the reason");
  await console_.screenshot({ path: `${shots}/admin-stock.png`, fullPage: true });

  // A shopper orders two of them (through the APIs); staff find the order and refund part of it.
  const shopperToken = (await api("POST", "/users/api/tokens", null, { email, password: "correct horse battery" }))
    .access_token;
  const cart = (await api("POST", "/cart/api/carts", shopperToken)).id;
  await api("POST", `/cart/api/carts/${cart}/items`, shopperToken, { sku: `CON-${run}-S`, quantity: 2 });
  const order = await api("POST", "/orders/api/orders", shopperToken, {
    cartId: cart,
    shippingAddress: { name: "Console Visitor", line1: "1 Test Street", city: "Lyon", postalCode: "69001", country: "FR" },
    payment: { method: "card", token: "tok_visa" },
  });
  await console_.click("#header\\:nav >> text=Orders");
  await console_.waitForSelector("#orders\\:table .order-link", T);
  expect((await console_.textContent("#orders\\:table")).includes(order.id.substring(0, 8)), "the new order is listed");
  await console_.screenshot({ path: `${shots}/admin-orders.png`, fullPage: true });
  await console_.fill("#orders\\:number", order.id);
  await console_.click("#orders\\:open");
  await console_.waitForURL(/order\.xhtml/, T);
  await console_.waitForSelector("#order\\:refund", T);
  expect((await console_.textContent("#order\\:lines")).includes(`CON-${run}-S`), "the order's lines");
  await console_.click("#order\\:refund");
  await console_.waitForSelector("#refundForm\\:amount_input", { state: "visible", ...T });
  await console_.fill("#refundForm\\:amount_input", "5.00");
  await console_.fill("#refundForm\\:refundReason", "one scratched");
  await console_.click("#refundForm\\:confirm");
  await console_.waitForFunction(() => document.querySelector("#order\\:refunded")?.textContent === "5.00 EUR", null, T);
  await console_.screenshot({ path: `${shots}/admin-order.png`, fullPage: true });
  expect(alerts.length === 0, `no script ran from shop data: ${alerts.join(", ")}`);

  // The import screen and, for an admin, the staff accounts.
  await console_.click("#header\\:nav >> text=Import");
  await console_.waitForSelector("#importForm\\:file", T);
  await console_.screenshot({ path: `${shots}/admin-import.png`, fullPage: true });
  await console_.click("#header\\:nav >> text=Staff");
  await console_.fill("#accounts\\:q", adminEmail);
  await console_.click("#accounts\\:search");
  await console_.waitForSelector(`#accounts\\:table >> text=${adminEmail}`, T);
  await console_.screenshot({ path: `${shots}/admin-staff.png`, fullPage: true });

  // A postback that did not come from a page of this session is refused, and changes nothing.
  const forged = await console_.request.post(`${baseUrl}/admin/order.xhtml?id=${order.id}`, {
    form: {
      "refundForm": "refundForm",
      "refundForm:amount_input": "1.00",
      "refundForm:confirm": "refundForm:confirm",
      "jakarta.faces.ViewState": "-1234567890:987654321",
    },
  });
  expect((await forged.text()).includes("This page has expired"), `forged postback: HTTP ${forged.status()}`);
  const payments = await api("GET", `/payments/api/payments?orderId=${order.id}`, staffToken);
  expect(payments.items[0].refunded === 500, `refunded after the forged postback: ${payments.items[0].refunded}`);

  // Without a session the console sends visitors back to sign in.
  await console_.click("#header\\:signOut");
  await console_.waitForSelector("#signIn\\:email", T);
  await console_.goto(`${baseUrl}/admin/dashboard.xhtml`);
  await console_.waitForSelector("#signIn\\:email", T);
  await console_.goto(`${baseUrl}/admin/orders.xhtml`);
  await console_.waitForSelector("#signIn\\:email", T);
  expect(violations.length === 0, `Content-Security-Policy violations:\n${violations.join("\n")}`);
  console.log("browser checks passed");
} finally {
  await browser.close();
}
