// The performance budget, checked after every build: the JavaScript the first page loads (what dist/index.html
// names: the entry script and the chunks it preloads; the pages are lazily loaded chunks) must stay within
// 150 KB gzipped.
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";

const BUDGET_KB = 150;
const dist = new URL("../dist/", import.meta.url).pathname;
const html = readFileSync(join(dist, "index.html"), "utf8");

const gzipped = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (bytes) => (bytes / 1024).toFixed(1);
const named = (pattern) => [...html.matchAll(pattern)].map((m) => m[1].replace(/^\//, ""));

const initial = [
  ...named(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
  ...named(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
];
const css = named(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g);
const lazy = readdirSync(join(dist, "assets"))
  .map((file) => `assets/${file}`)
  .filter((file) => file.endsWith(".js") && !initial.includes(file));

const total = initial.reduce((sum, file) => sum + gzipped(file), 0);
initial.forEach((file) => console.log(`  initial ${file}: ${kb(gzipped(file))} KB gzipped`));
console.log(`Initial JavaScript: ${kb(total)} KB gzipped (budget ${BUDGET_KB} KB)`);
console.log(`Initial CSS: ${kb(css.reduce((sum, file) => sum + gzipped(file), 0))} KB gzipped`);
console.log(
  `Lazily loaded: ${lazy.length} chunks, ${kb(lazy.reduce((sum, f) => sum + gzipped(f), 0))} KB gzipped in all`,
);
if (initial.length === 0 || total > BUDGET_KB * 1024) {
  console.error(`The initial JavaScript is missing or over its budget of ${BUDGET_KB} KB gzipped.`);
  process.exit(1);
}
