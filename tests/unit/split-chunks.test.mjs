// The build step that puts the village's deferred wasm beside its page
// (.ci/split-chunks.mjs), on a staging folder made here: the deferred
// file and its loader are named by content and point at each other and
// at the hashed glue, the glue imports the loader by its new name (its
// import object's key, the wasm's own module name, stays), the page's
// integrity hash matches the new glue; a wing with nothing split is left
// alone; a loader it cannot read stops the build with nothing written.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { delimiter, join, resolve } from "node:path";

const script = resolve(import.meta.dirname, "../../.ci/split-chunks.mjs");
const bin = resolve(import.meta.dirname, "../node_modules/.bin");
// The smallest valid module: wasm-opt takes it as it is.
const EMPTY_WASM = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
const GLUE = 'import*as e from"./__wasm_split.js";const i={"./__wasm_split.js":e};export{i};';
const LOADER = 'import { initSync } from "./pandu.js";\nconst a = makeLoad(fetcher("./split_pages.wasm"), []);\n';
const sri = (text) => `sha384-${createHash("sha384").update(text).digest("base64")}`;

/** A staging folder as Trunk leaves it, a source page, and a split folder. */
function staging({ loader = LOADER, split = true } = {}) {
  const root = mkdtempSync(join(tmpdir(), "split-chunks-test-"));
  const dist = join(root, "dist");
  mkdirSync(dist);
  const page = `<html><head><link rel="modulepreload" href="/p/pandu-0123abcd4567ef89.js" integrity="${sri(GLUE)}" crossorigin="anonymous"></head></html>`;
  writeFileSync(join(dist, "index.html"), page);
  writeFileSync(join(dist, "pandu-0123abcd4567ef89.js"), GLUE);
  writeFileSync(join(root, "source.html"), '<link data-trunk rel="rust" data-bin="pandu" data-wasm-opt="1" data-wasm-opt-params="--flatten --rereloop -O1" />');
  const splitDir = join(root, "split");
  if (split) {
    mkdirSync(join(splitDir, "pandu"), { recursive: true });
    writeFileSync(join(splitDir, "pandu", "split_pages.wasm"), EMPTY_WASM);
    writeFileSync(join(splitDir, "pandu", "__wasm_split.js"), loader);
  }
  const run = () =>
    spawnSync("node", [script, join(dist, "index.html"), join(root, "source.html")], {
      encoding: "utf8",
      env: { ...process.env, PANDU_SPLIT_DIR: splitDir, PATH: `${bin}${delimiter}${process.env.PATH}` },
    });
  const files = () => Object.fromEntries(readdirSync(dist).sort().map((f) => [f, readFileSync(join(dist, f), "utf8")]));
  return { dist, run, files };
}

test("the deferred file and its loader are named by content and joined to the glue", () => {
  const s = staging();
  const r = s.run();
  assert.equal(r.status, 0, r.stderr);
  const files = s.files();
  const wasm = Object.keys(files).filter((f) => /^split_pages-[0-9a-f]{16}\.wasm$/.test(f));
  const loader = Object.keys(files).filter((f) => /^__wasm_split-[0-9a-f]{16}\.js$/.test(f));
  assert.equal(wasm.length, 1, Object.keys(files).join());
  assert.equal(loader.length, 1, Object.keys(files).join());
  const loaderText = files[loader[0]];
  assert.match(loaderText, /from "\.\/pandu-0123abcd4567ef89\.js"/);
  assert.ok(loaderText.includes(`"./${wasm[0]}"`), loaderText);
  assert.ok(!loaderText.includes('"./split_pages.wasm"'));
  // The names are the contents' digests.
  const digest = (b) => createHash("sha256").update(b).digest("hex").slice(0, 16);
  assert.equal(loader[0], `__wasm_split-${digest(loaderText)}.js`);
  assert.equal(wasm[0], `split_pages-${digest(readFileSync(join(s.dist, wasm[0])))}.wasm`);
  const glue = files["pandu-0123abcd4567ef89.js"];
  assert.ok(glue.includes(`from"./${loader[0]}"`), glue);
  assert.ok(glue.includes('{"./__wasm_split.js":e}'), "the wasm's import module name stays");
  assert.ok(files["index.html"].includes(`integrity="${sri(glue)}"`));
});

test("a wing with nothing split is left as it was", () => {
  const s = staging({ split: false });
  const before = s.files();
  const r = s.run();
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /no deferred files/);
  assert.deepEqual(s.files(), before);
});

test("a loader that does not name the deferred file once stops the build, nothing written", () => {
  for (const loader of [LOADER + 'fetcher("./split_pages.wasm");\n', LOADER.replace('"./pandu.js"', '"./other.js"')]) {
    const s = staging({ loader });
    const before = s.files();
    const r = s.run();
    assert.equal(r.status, 1);
    assert.match(r.stderr, /split-chunks: .* times, not once/);
    assert.deepEqual(s.files(), before);
  }
});
