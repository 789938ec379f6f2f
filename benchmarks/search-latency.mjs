// Search latency benchmark: sends a bounded number of catalog searches to a running Mercato (loopback only) and
// reports p50/p95/p99. Usage: node search-latency.mjs [baseUrl] [requests] [concurrency]
// Example: MERCATO_CATALOG_DEMO_PRODUCTS=100000 ./mercato up, then node benchmarks/search-latency.mjs
import { loopbackBaseUrl, percentile } from "./support.mjs";

const baseUrl = loopbackBaseUrl(process.argv[2]);
const requests = Number(process.argv[3] ?? 2000);
const concurrency = Number(process.argv[4] ?? 4);

// A mix of what shoppers do: misspelled words, filters, facets, sorting, paging, suggestions.
const queries = [
  "q=hedphones",
  "q=headphone&sort=price_asc",
  "q=wirless%20speaker",
  "q=creme&category=fashion",
  "q=laptop&minPrice=50000&maxPrice=150000",
  "category=electronics&sort=newest",
  "brand=Sonora&page=2",
  "q=runing%20shoes&size=40",
  "q=sweater&category=sweaters&sort=price_desc",
  "q=tent",
];
const suggestions = ["so", "hea", "lapt", "run", "cre"];

function pick(i) {
  return i % 6 === 5
    ? `/catalog/api/suggestions?q=${suggestions[i % suggestions.length]}`
    : `/catalog/api/products?${queries[i % queries.length]}`;
}

const latencies = [];
let failures = 0;
let next = 0;
const started = performance.now();

async function worker() {
  while (next < requests) {
    const i = next++;
    const t0 = performance.now();
    const response = await fetch(baseUrl + pick(i));
    await response.arrayBuffer();
    latencies.push(performance.now() - t0);
    if (!response.ok) {
      failures++;
    }
    if ((i + 1) % Math.max(1, Math.floor(requests / 10)) === 0) {
      console.error(`  ${i + 1}/${requests} requests`);
    }
  }
}

// warm-up, not measured
for (let i = 0; i < 50; i++) {
  await (await fetch(baseUrl + pick(i))).arrayBuffer();
}
await Promise.all(Array.from({ length: concurrency }, worker));
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const total = await (await fetch(`${baseUrl}/catalog/api/products?size=1`)).json();
console.log(
  JSON.stringify({
    products: total.total,
    requests,
    concurrency,
    failures,
    throughputPerSecond: Number((requests / seconds).toFixed(1)),
    p50ms: percentile(latencies, 50),
    p95ms: percentile(latencies, 95),
    p99ms: percentile(latencies, 99),
  }),
);
