// Build step (Trunk's post_build hook, Trunk.toml, first of the steps):
// puts the village app's deferred wasm files beside its page. The
// wasm-bindgen stand-in (.ci/bin/wasm-bindgen) split them off and left
// them, with their loader `__wasm_split.js`, in $PANDU_SPLIT_DIR/<name>/;
// a wing without a split point (the office) has no such folder and this
// step does nothing.
//
// Each deferred file gets the same wasm-opt passes as the main one (read
// from the page's `data-wasm-opt` attributes in the source index.html)
// and, like Trunk's own files, a name that changes with its content, so
// a phone never joins a new main module to an old deferred file. The
// loader is named by content too; the glue's import of it is rewritten
// and the glue's integrity hash on the page computed again. A name that
// is not found exactly once stops the build and writes nothing.
//
//   node .ci/split-chunks.mjs <staging index.html> <source index.html>
import { readFileSync, writeFileSync, readdirSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";

function fail(why) {
  console.error(`split-chunks: ${why}`);
  process.exit(1);
}

const [page, source] = process.argv.slice(2);
if (!page || !source) fail("usage: split-chunks.mjs <staging index.html> <source index.html>");
const dir = dirname(page);
let html = readFileSync(page, "utf8");
const link = html.match(/<link\b[^>]*\brel=["']?modulepreload\b[^>]*>/i);
const jsHref = (link && link[0].match(/\bhref=["']?([^"' >]+)/i) || [])[1] || fail(`no <link rel=modulepreload> in ${page}`);
const jsName = jsHref.split("/").pop();
const stem = jsName.replace(/-[0-9a-f]+\.js$/, "").replace(/\.js$/, "");
const from = join(process.env.PANDU_SPLIT_DIR || "target/wasm-split", stem);
if (!existsSync(join(from, "__wasm_split.js"))) {
  console.log(`split-chunks: ${stem} has no deferred files`);
  process.exit(0);
}

// The main module's wasm-opt passes, as Trunk ran them.
const rust = readFileSync(source, "utf8").match(/<link\b[^>]*\bdata-trunk\b[^>]*\brel=["']?rust\b[^>]*>/i);
const level = rust && rust[0].match(/\bdata-wasm-opt=["']?([0-9sz])/i);
const params = rust && rust[0].match(/\bdata-wasm-opt-params=["']([^"']*)["']/i);
if (!level) fail(`no data-wasm-opt on the rust link in ${source}`);
const passes = [`-O${level[1]}`, ...(params ? params[1].split(/\s+/).filter(Boolean) : [])];

const digest = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);
const once = (text, what, where) => {
  const n = text.split(what).length - 1;
  if (n !== 1) fail(`${where} names ${what} ${n} times, not once`);
};

const scratch = mkdtempSync(join(tmpdir(), "split-chunks-"));
const out = new Map(); // file name in dist -> bytes
let loader = readFileSync(join(from, "__wasm_split.js"), "utf8");
try {
  for (const file of readdirSync(from).filter((f) => f.endsWith(".wasm")).sort()) {
    const opt = join(scratch, file);
    execFileSync("wasm-opt", [`--output=${opt}`, ...passes, join(from, file)], { stdio: ["ignore", "ignore", "inherit"] });
    const bytes = readFileSync(opt);
    const name = `${basename(file, ".wasm")}-${digest(bytes)}.wasm`;
    once(loader, `"./${file}"`, "__wasm_split.js");
    loader = loader.replace(`"./${file}"`, `"./${name}"`);
    out.set(name, bytes);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
if (out.size === 0) fail(`no deferred wasm in ${from}`);
once(loader, `"./${stem}.js"`, "__wasm_split.js");
loader = loader.replace(`"./${stem}.js"`, `"./${jsName}"`);
const loaderName = `__wasm_split-${digest(loader)}.js`;
out.set(loaderName, Buffer.from(loader));

const jsFile = join(dir, jsName);
let js = readFileSync(jsFile, "utf8");
// Only the import statement: the import object's key of the same name
// is the wasm's own import module and stays.
const imported = js.match(/\bfrom\s*["']\.\/__wasm_split\.js["']/g) || [];
if (imported.length !== 1) fail(`${jsName} imports ./__wasm_split.js ${imported.length} times, not once`);
js = js.replace(/(\bfrom\s*)(["'])\.\/__wasm_split\.js\2/, `$1$2./${loaderName}$2`);
const sri = `sha384-${createHash("sha384").update(js).digest("base64")}`;
const links = [...html.matchAll(/<link\b[^>]*>/gi)].map((m) => m[0]).filter((l) => l.includes(jsHref) && /\bintegrity=/i.test(l));
if (links.length === 0) fail(`no integrity on the link to ${jsHref}`);
for (const l of links) html = html.replace(l, l.replace(/sha384-[A-Za-z0-9+/=]+/, sri));

// Nothing is written until every check has passed.
for (const [name, bytes] of out) writeFileSync(join(dir, name), bytes);
writeFileSync(jsFile, js);
writeFileSync(page, html);
const sizes = [...out].map(([n, b]) => `${n} ${b.length}`).join(", ");
console.log(`split-chunks: ${sizes}`);
