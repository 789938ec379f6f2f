// What the load generators share: the loopback-only target, a JSON client, the staff sign-in, stocking demo SKUs,
// and percentiles.

/** The base URL from the command line; benchmarks target this machine only. */
export function loopbackBaseUrl(argument) {
  const baseUrl = argument ?? "http://127.0.0.1:8080";
  if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(baseUrl)) {
    console.error("benchmarks target this machine only (http://127.0.0.1:PORT)");
    process.exit(2);
  }
  return baseUrl;
}

/** A JSON client: call(method, path, body?, token?, headers?) -> {status, json}. */
export function jsonClient(baseUrl) {
  return async function call(method, path, body, token, headers = {}) {
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
    return { status: response.status, json: text ? JSON.parse(text) : null };
  };
}

/** Signs in the staff account of MERCATO_ADMIN_EMAIL / MERCATO_ADMIN_PASSWORD; exits if that is not possible. */
export async function staffToken(call) {
  const email = process.env.MERCATO_ADMIN_EMAIL;
  const password = process.env.MERCATO_ADMIN_PASSWORD;
  if (!email || !password) {
    console.error("set MERCATO_ADMIN_EMAIL and MERCATO_ADMIN_PASSWORD (the staff account that stocks the SKUs)");
    process.exit(2);
  }
  const login = await call("POST", "/users/api/tokens", { email, password });
  if (login.status !== 200) {
    console.error(`sign-in failed: ${login.status}`);
    process.exit(1);
  }
  return login.json.access_token;
}

/** The SKUs of the `count` newest demo products, stocked well beyond what a run takes (100,000 units each). */
export async function stockedDemoSkus(call, staff, count = 20) {
  const page = await call("GET", `/catalog/api/products?size=${count}&sort=newest`);
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
  return skus;
}

/** The p-th percentile of latencies sorted ascending, in ms with one decimal. */
export function percentile(sorted, p) {
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1));
}
