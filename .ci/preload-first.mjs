// Build step (Trunk's post_build hook, Trunk.toml, before csp.mjs): moves
// the wing's module and wasm preloads up to the first place a page may
// start fetching, right after the inline script that sends an office
// address on to the office wing. Trunk writes them at the end of <head>,
// behind the inlined stylesheet, so a phone on a slow network read the
// whole stylesheet before it asked for the wasm, the largest file.
//
//   node .ci/preload-first.mjs <index.html>
import { readFileSync, writeFileSync } from "node:fs";

const file = process.argv[2];
let html = readFileSync(file, "utf8");
const links = [...html.matchAll(/<link\b[^>]*\brel=["']?(?:modulepreload|preload)\b[^>]*>/gi)].map((m) => m[0]);
if (links.length === 0) {
  console.error("preload-first: no preload links found");
  process.exit(1);
}
for (const l of links) html = html.replace(l, "");
// After <base>, and after the inline script right behind it when there
// is one (the village page's office redirect).
const base = html.match(/<base\b[^>]*>/i);
if (!base) {
  console.error("preload-first: no <base> to place the preloads after");
  process.exit(1);
}
let at = base.index + base[0].length;
const rest = html.slice(at);
const script = rest.match(/^\s*<script>[\s\S]*?<\/script>/i);
if (script) at += script[0].length;
html = html.slice(0, at) + links.join("") + html.slice(at);
writeFileSync(file, html);
console.log(`preload-first: ${links.length} preload(s) moved up`);
