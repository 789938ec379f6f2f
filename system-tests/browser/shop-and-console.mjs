// Drives headless Debian Chromium through the storefront and the admin console like a person would.
// Usage: node shop-and-console.mjs <baseUrl> <adminEmail> <adminPassword> <screenshotDir>
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

try {
  // A shopper finds headphones despite a typo, and narrows the results with a facet.
  const shop = await watched(await browser.newPage(), "storefront");
  expectSecurityHeaders(await shop.goto(`${baseUrl}/`), "storefront");
  await shop.waitForSelector("#total", { timeout: 15000 });
  await shop.fill("input[name=q]", "hedphones");
  await shop.click("form[role=search] button");
  // the first page lists everything; wait until the search's results replace it
  await shop.waitForFunction(
    () => {
      const names = [...document.querySelectorAll(".product strong")].map((n) => n.textContent);
      return names.length > 0 && names.every((n) => n.includes("Headphones"));
    },
    null,
    { timeout: 15000 },
  );
  const names = await shop.$$eval(".product strong", (nodes) => nodes.map((n) => n.textContent));
  expect(names.length > 0 && names.every((n) => n.includes("Headphones")), `typo search found ${names}`);
  const brandChip = shop.locator("[aria-label='brand filters'] .chip").first();
  const brand = (await brandChip.textContent()).replace(/ \(\d+\)$/, "");
  await brandChip.click();
  await shop.waitForSelector("[aria-label='brand filters'] .chip.selected", { timeout: 15000 });
  await shop.waitForFunction(
    (b) => [...document.querySelectorAll(".product .brand")].every((n) => n.textContent.toLowerCase() === b),
    brand.toLowerCase(),
    { timeout: 15000 },
  );
  await shop.screenshot({ path: `${shots}/storefront-search.png`, fullPage: true });

  // As a guest, the shopper puts the first result in the cart.
  await shop.locator(".product .add").first().click();
  await shop.waitForFunction(() => document.querySelector("#cart-count")?.textContent === "1 item", null, {
    timeout: 15000,
  });
  expect((await shop.textContent(".cart-line .name")).includes("Headphones"), "the headphones are in the cart");

  // A shopper creates an account in the storefront and is signed in.
  await shop.getByText("New here? Create an account").click();
  const email = `browser-${Date.now()}@mercato.test`;
  await shop.fill("input[name=name]", "Browser Shopper");
  await shop.fill("input[name=email]", email);
  await shop.fill("input[name=password]", "correct horse battery");
  await shop.click("section[aria-label='create account'] button[type=submit]");
  await shop.waitForSelector("#welcome", { timeout: 15000 });
  expect((await shop.textContent("#welcome")).includes(email), "storefront should greet the new shopper");
  // Signing in (here: right after creating the account) moves the guest cart into the account's cart.
  await shop.waitForFunction(() => document.querySelector("#cart-count")?.textContent === "1 item", null, {
    timeout: 15000,
  });
  await shop.screenshot({ path: `${shots}/storefront-signed-in.png` });

  // Registering the same email again shows the API's problem detail to the shopper.
  await shop.getByText("Sign out").click();
  await shop.getByText("New here? Create an account").click();
  await shop.fill("input[name=name]", "Twin");
  await shop.fill("input[name=email]", email.toUpperCase());
  await shop.fill("input[name=password]", "another password");
  await shop.click("section[aria-label='create account'] button[type=submit]");
  await shop.waitForSelector("[role=alert]", { timeout: 15000 });
  expect(
    (await shop.textContent("[role=alert]")).includes("already exists"),
    "a duplicate email should be explained",
  );

  // Signing in again later, the cart is found under the account.
  await shop.getByText("Already have an account? Sign in").click();
  await shop.fill("input[name=email]", email);
  await shop.fill("input[name=password]", "correct horse battery");
  await shop.click("section[aria-label='sign in'] button[type=submit]");
  await shop.waitForSelector("#welcome", { timeout: 15000 });
  await shop.waitForFunction(() => document.querySelector("#cart-count")?.textContent === "1 item", null, {
    timeout: 15000,
  });
  await shop.screenshot({ path: `${shots}/storefront-cart.png`, fullPage: true });

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
  await console_.screenshot({ path: `${shots}/admin-dashboard.png`, fullPage: true });

  // Without a session the dashboard sends visitors back to sign in.
  await console_.click("#header\\:signOut");
  await console_.goto(`${baseUrl}/admin/dashboard.xhtml`);
  await console_.waitForSelector("#signIn\\:email", { timeout: 15000 });
  expect(violations.length === 0, `Content-Security-Policy violations:\n${violations.join("\n")}`);
  console.log("browser checks passed");
} finally {
  await browser.close();
}
