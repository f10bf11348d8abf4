// The build step that gives the wasm's imports short names
// (.ci/minify-imports.mjs), on a small module written here byte by byte:
// the renamed module still validates and runs with the renamed glue, the
// page's integrity hashes match the new files, and glue it cannot read
// stops the build with every file left as it was.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const script = resolve(import.meta.dirname, "../../.ci/minify-imports.mjs");
const uleb = (n) => {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const str = (s) => [...uleb(Buffer.byteLength(s)), ...Buffer.from(s)];
const section = (id, body) => [id, ...uleb(body.length), ...body];

const NAMES = ["__wbg_add_0123456789abcdef", "__wbindgen_init_externref_table", "__wbg_twice_fedcba9876543210"];

/** A module importing three functions of type (i32) -> i32 from the glue and a
 * memory, exporting `run(x) = twice(add(x))`. */
function module() {
  const type = section(1, [1, 0x60, 1, 0x7f, 1, 0x7f]);
  const imports = section(2, [
    4,
    ...str("./app_bg.js"), ...str(NAMES[0]), 0, 0,
    ...str("./app_bg.js"), ...str(NAMES[1]), 0, 0,
    ...str("./app_bg.js"), ...str(NAMES[2]), 0, 0,
    ...str("env"), ...str("memory"), 2, 0, 1,
  ]);
  const funcs = section(3, [1, 0]);
  const exports = section(7, [1, ...str("run"), 0, 3]);
  // local.get 0, call 0 (add), call 2 (twice), end
  const body = [0, 0x20, 0, 0x10, 0, 0x10, 2, 0x0b];
  const code = section(10, [1, body.length, ...body]);
  return Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...type, ...imports, ...funcs, ...exports, ...code]);
}

const GLUE = `export function imports(){return{"./app_bg.js":{${NAMES[0]}:function(x){return x+1},${NAMES[1]}:function(x){return x},${NAMES[2]}:function(x){return 2*x}}}}`;
const sri = (b) => `sha384-${createHash("sha384").update(b).digest("base64")}`;

function folder(glue) {
  const dir = mkdtempSync(join(tmpdir(), "minify-"));
  const wasm = module();
  writeFileSync(join(dir, "app-1_bg.wasm"), wasm);
  writeFileSync(join(dir, "app-1.js"), glue);
  const page = `<!doctype html><html><head><base href=/p/><link crossorigin href=/p/app-1.js integrity=${sri(glue)} rel=modulepreload><link as=fetch crossorigin href=/p/app-1_bg.wasm integrity=${sri(wasm)} rel=preload type=application/wasm></head></html>`;
  writeFileSync(join(dir, "index.html"), page);
  return dir;
}
const run = (dir) => execFileSync("node", [script, join(dir, "index.html")], { encoding: "utf8", stdio: "pipe" });

test("imports get short names in the wasm and the glue, and the page's hashes follow", async () => {
  const dir = folder(GLUE);
  const before = readFileSync(join(dir, "app-1_bg.wasm"));
  assert.match(run(dir), /3 imports renamed/);
  const wasm = readFileSync(join(dir, "app-1_bg.wasm"));
  const glue = readFileSync(join(dir, "app-1.js"), "utf8");
  assert.ok(wasm.length < before.length);
  for (const name of NAMES) {
    assert.ok(!glue.includes(name), `${name} left in the glue`);
    assert.ok(!wasm.includes(Buffer.from(name)), `${name} left in the wasm`);
  }
  assert.ok(wasm.includes(Buffer.from("memory")), "imports not from wasm-bindgen keep their names");
  // The renamed module runs with the renamed glue: twice(add(20)) = 42.
  const { imports } = await import(`data:text/javascript,${encodeURIComponent(glue)}`);
  const memory = new WebAssembly.Memory({ initial: 1 });
  const { instance } = await WebAssembly.instantiate(wasm, { ...imports(), env: { memory } });
  assert.equal(instance.exports.run(20), 42);
  const page = readFileSync(join(dir, "index.html"), "utf8");
  assert.ok(page.includes(`href=/p/app-1.js integrity=${sri(glue)}`), page);
  assert.ok(page.includes(`href=/p/app-1_bg.wasm integrity=${sri(wasm)}`), page);
});

test("glue that names an import twice, or not as a key, stops the build and changes nothing", () => {
  for (const glue of [GLUE.replace("return 2*x", `return 2*x/*${NAMES[2]}*/`), GLUE.replace(`${NAMES[0]}:`, `"${NAMES[0]}" :`)]) {
    const dir = folder(glue);
    const files = ["index.html", "app-1.js", "app-1_bg.wasm"].map((f) => readFileSync(join(dir, f)));
    assert.throws(() => run(dir), (e) => e.status === 1 && /not once as a key/.test(e.stderr));
    ["index.html", "app-1.js", "app-1_bg.wasm"].forEach((f, i) => assert.deepEqual(readFileSync(join(dir, f)), files[i], f));
  }
});
