// Build step (Trunk's post_build hook, Trunk.toml): gives the built
// index.html a Content-Security-Policy <meta> that lets only the app's
// own scripts run: files from its own origin, the WebAssembly module, and
// the inline scripts of this very build by their SHA-256. Any other inline
// script, and every inline event handler, is blocked by the browser; the
// build fails if the page itself has a handler attribute.
//
//   node .ci/csp.mjs <index.html>
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";

const file = process.argv[2];
let html = readFileSync(file, "utf8");
if (/<meta[^>]+Content-Security-Policy/i.test(html)) process.exit(0);

const handler = html.match(/<[a-z][^>]*\son[a-z]+\s*=/i);
if (handler) {
  console.error(`csp: an inline event handler would be blocked: ${handler[0]}`);
  process.exit(1);
}
const hashes = [];
for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
  if (/\ssrc\s*=/i.test(m[1] || "")) continue;
  hashes.push(`'sha256-${createHash("sha256").update(m[2], "utf8").digest("base64")}'`);
}
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`,
  // Inline styles only (the stylesheet is inlined, charts set widths).
  "style-src 'self' 'unsafe-inline'",
  // Photos are shown from blob: URLs; icons may be data: URLs.
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
const charset = html.match(/<meta charset=["']?utf-8["']?\s*\/?>/i);
if (!charset) {
  console.error("csp: no <meta charset> to place the policy after");
  process.exit(1);
}
const at = charset.index + charset[0].length;
html = html.slice(0, at) + meta + html.slice(at);
writeFileSync(file, html);
console.log(`csp: ${hashes.length} inline script(s) allowed by hash`);
