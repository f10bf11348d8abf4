// `make bench`: what a phone downloads and how fast the first screen comes.
// Sizes of the release wasm and JS (raw / gzip / brotli), the largest
// functions by twiggy when it is installed, and Lighthouse's mobile
// performance figures on the served build. Goals (not test assertions):
// wasm <= 200 KB brotli, Lighthouse performance >= 95, LCP <= 2.0 s.
// Writes a Markdown report to the path given as the first argument.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { readdirSync, readFileSync, writeFileSync, mkdtempSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { tmpdir } from "node:os";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { BUILDS, CHROMIUM_ARGS } from "../e2e/pandu.mjs";
import { startServer } from "../e2e/server.mjs";

const out = process.argv[2] || resolve(import.meta.dirname, "../../docs/benchmark.md");
const build = BUILDS[0];
const RUNS = 3;
const kb = (n) => (n / 1024).toFixed(1);

function sizes() {
  return readdirSync(build.root)
    .filter((f) => /\.(wasm|js)$/.test(f) && f !== "sw.js")
    .map((f) => {
      const raw = readFileSync(join(build.root, f));
      return {
        file: f.replace(/-[0-9a-f]{8,}(?=(_bg)?\.)/, ""),
        raw: raw.length,
        gzip: gzipSync(raw, { level: 9 }).length,
        brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      };
    })
    .sort((a, b) => b.raw - a.raw);
}

function twiggy() {
  // The wasm before wasm-bindgen and wasm-opt still has its function names.
  const wasm = resolve(import.meta.dirname, "../../target/wasm32-unknown-unknown/release/pandu.wasm");
  try {
    return execFileSync("twiggy", ["top", "-n", "15", wasm], { encoding: "utf8" });
  } catch {
    return null;
  }
}

// Asynchronous: the server answering Lighthouse runs in this process.
async function lighthouse(url) {
  const dir = mkdtempSync(join(tmpdir(), "pandu-lh-"));
  const report = join(dir, "report.json");
  await promisify(execFile)(
    resolve(import.meta.dirname, "../node_modules/.bin/lighthouse"),
    [
      url,
      "--only-categories=performance",
      "--output=json",
      `--output-path=${report}`,
      "--quiet",
      `--chrome-flags=${CHROMIUM_ARGS.join(" ")}`,
    ],
    { env: { ...process.env, CHROME_PATH: "/usr/bin/chromium" } },
  );
  const lhr = JSON.parse(readFileSync(report, "utf8"));
  const ms = (id) => lhr.audits[id].numericValue;
  return {
    score: Math.round(lhr.categories.performance.score * 100),
    fcp: ms("first-contentful-paint"),
    lcp: ms("largest-contentful-paint"),
    tbt: ms("total-blocking-time"),
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (!existsSync(build.root)) throw new Error(`no build at ${build.root}: run make bench`);
const files = sizes();
const server = await startServer([build]);
const runs = [];
try {
  for (let i = 0; i < RUNS; i++) runs.push(await lighthouse(server.url(build.prefix)));
} finally {
  await server.close();
}
const lh = Object.fromEntries(["score", "fcp", "lcp", "tbt"].map((k) => [k, median(runs.map((r) => r[k]))]));
const wasm = files.find((f) => f.file.endsWith(".wasm"));
const top = twiggy();

const report = `# Benchmark

Written by \`make bench\` on ${new Date().toISOString().slice(0, 10)}; release build for \`${build.prefix}\`,
served pre-compressed from 127.0.0.1. Goals: wasm <= 200 KB brotli, Lighthouse mobile
performance >= 95, LCP <= 2.0 s.

## Download sizes

| file | raw KB | gzip KB | brotli KB |
|---|---:|---:|---:|
${files.map((f) => `| ${f.file} | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`).join("\n")}

wasm brotli: **${kb(wasm.brotli)} KB** (goal 200 KB: ${wasm.brotli <= 200 * 1024 ? "met" : "missed"}).

## Lighthouse (mobile default, system Chromium, median of ${RUNS})

| performance | FCP ms | LCP ms | TBT ms |
|---:|---:|---:|---:|
| ${lh.score} | ${Math.round(lh.fcp)} | ${Math.round(lh.lcp)} | ${Math.round(lh.tbt)} |

Runs: ${runs.map((r) => `${r.score} / ${Math.round(r.fcp)} / ${Math.round(r.lcp)} / ${Math.round(r.tbt)}`).join("; ")} (score / FCP / LCP / TBT).
Goals: performance >= 95 ${lh.score >= 95 ? "met" : "missed"}; LCP <= 2000 ms ${lh.lcp <= 2000 ? "met" : "missed"}.
${top ? `\n## Largest functions (twiggy top, before wasm-opt)\n\n\`\`\`\n${top.trim()}\n\`\`\`\n` : ""}`;
writeFileSync(out, report);
console.log(report);
