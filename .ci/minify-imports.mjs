// Build step (Trunk's post_build hook, Trunk.toml, before csp.mjs): gives
// the functions the wasm imports from its JavaScript glue short names in
// both files, as Emscripten does with binaryen's --minify-imports.
// wasm-bindgen names each import `__wbg_<name>_<16 hex digits>`; the
// hashes do not compress, and each name is written in the wasm and again
// in the glue (about 300 of them: 2.8 KB of the village wasm and 2.9 KB of
// its glue, brotli). Only the names change: the import section is
// rewritten and every other byte of the wasm is kept. The page's
// integrity hashes of both files are computed again.
//
// The glue must name each import exactly once, as an object key
// (`__wbg_x_0123456789abcdef:function(...)`); if a wasm-bindgen release
// writes it otherwise, the build stops here instead of shipping a page
// that cannot start.
//
//   node .ci/minify-imports.mjs <index.html>
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";

function fail(why) {
  console.error(`minify-imports: ${why}`);
  process.exit(1);
}

const page = process.argv[2];
const dir = dirname(page);
let html = readFileSync(page, "utf8");
const href = (rel) => {
  const m = html.match(new RegExp(`<link\\b[^>]*\\brel=["']?${rel}\\b[^>]*>`, "i"));
  const h = m && m[0].match(/\bhref=["']?([^"' >]+)/i);
  return h ? h[1] : fail(`no <link rel=${rel}> in ${page}`);
};
const wasmHref = href("preload");
const jsHref = href("modulepreload");
const wasmFile = join(dir, wasmHref.split("/").pop());
const jsFile = join(dir, jsHref.split("/").pop());
const wasm = readFileSync(wasmFile);
let js = readFileSync(jsFile, "utf8");

/** Unsigned LEB128 at `at`: [value, next offset]. */
function leb(buf, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = buf[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}
function uleb(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return Buffer.from(out);
}
const str = (s) => Buffer.concat([uleb(Buffer.byteLength(s)), Buffer.from(s)]);

/** The i-th short name; never a JavaScript keyword (they start upper-case). */
function short(i) {
  const first = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const rest = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_";
  let name = first[i % 26];
  for (i = Math.floor(i / 26); i > 0; i = Math.floor(i / rest.length)) {
    i -= 1;
    name += rest[i % rest.length];
  }
  return name;
}

if (wasm.readUInt32LE(0) !== 0x6d736100) fail(`${wasmFile} is not a wasm module`);
const parts = [wasm.subarray(0, 8)];
const renamed = new Map();
let at = 8;
while (at < wasm.length) {
  const start = at;
  const id = wasm[at++];
  let size;
  [size, at] = leb(wasm, at);
  const end = at + size;
  if (id !== 2) {
    parts.push(wasm.subarray(start, end));
    at = end;
    continue;
  }
  let count;
  let p;
  [count, p] = leb(wasm, at);
  const body = [uleb(count)];
  for (let i = 0; i < count; i++) {
    let len;
    [len, p] = leb(wasm, p);
    const module = wasm.toString("utf8", p, p + len);
    p += len;
    [len, p] = leb(wasm, p);
    const name = wasm.toString("utf8", p, p + len);
    p += len;
    const descStart = p;
    const kind = wasm[p++];
    if (kind === 0) [, p] = leb(wasm, p); // function: type index
    else if (kind === 1) {
      p++; // table: element type, then limits
      const flags = wasm[p++];
      [, p] = leb(wasm, p);
      if (flags & 1) [, p] = leb(wasm, p);
    } else if (kind === 2) {
      const flags = wasm[p++]; // memory: limits
      [, p] = leb(wasm, p);
      if (flags & 1) [, p] = leb(wasm, p);
    } else if (kind === 3) p += 2; // global: value type, mutability
    else fail(`import ${name}: unknown kind ${kind}`);
    let next = name;
    if (/^__wb(g|indgen)_/.test(name)) {
      next = short(renamed.size);
      renamed.set(name, next);
    }
    body.push(str(module), str(next), wasm.subarray(descStart, p));
  }
  if (p !== end) fail("the import section did not end where it said");
  const section = Buffer.concat(body);
  parts.push(Buffer.from([2]), uleb(section.length), section);
  at = end;
}
if (renamed.size === 0) fail(`no wasm-bindgen imports in ${wasmFile}`);

for (const [name, next] of renamed) {
  const key = new RegExp(`(?<![\\w$])${name}(?![\\w$])`, "g");
  const uses = js.match(key) || [];
  if (uses.length !== 1 || !js.includes(`${name}:`)) {
    fail(`${jsFile} names ${name} ${uses.length} times, not once as a key`);
  }
  js = js.replace(key, next);
}
const out = Buffer.concat(parts);

// The page's integrity hashes of the two files.
const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
for (const [h, bytes] of [[wasmHref, out], [jsHref, Buffer.from(js)]]) {
  const links = [...html.matchAll(/<link\b[^>]*>/gi)].map((m) => m[0]);
  const link = links.find((l) => l.includes(h) && /\bintegrity=/i.test(l));
  if (!link) fail(`no integrity on the link to ${h}`);
  html = html.replace(link, link.replace(/sha384-[A-Za-z0-9+/=]+/, sri(bytes)));
}
// Nothing is written until every check has passed.
writeFileSync(wasmFile, out);
writeFileSync(jsFile, js);
writeFileSync(page, html);
console.log(`minify-imports: ${renamed.size} imports renamed, wasm ${wasm.length} -> ${out.length} bytes`);
