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

try {
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
