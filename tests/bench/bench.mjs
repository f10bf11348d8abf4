// `make bench`: what a phone downloads, how fast the first screen comes,
// and how the case store holds up with many cases. Sizes of the release
// wasm and JS (raw / gzip / brotli), the largest functions by twiggy when
// it is installed, Lighthouse's mobile performance figures on the served
// build, the first and warm visits to the new-case screen on a throttled
// phone (`visit.mjs`), and the case store with 10,000 and 100,000 cases at
// 4x CPU throttling (`cases.mjs`). Both wings' sizes; the village app's
// goals (not test assertions): main wasm <= 250 KB brotli, first visit <= 2.5 s,
// warm offline start <= 0.5 s, Lighthouse performance >= 95, LCP <= 2.0 s;
// draft save p95 <= 20 ms, first list page <= 100 ms, NIK lookup <= 10 ms.
// Writes a Markdown report to the path given as the first argument.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { readdirSync, readFileSync, writeFileSync, mkdtempSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { tmpdir } from "node:os";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { BUILDS, CHROMIUM_ARGS } from "../e2e/pandu.mjs";
import { startServer } from "../e2e/server.mjs";
import { benchCases } from "./cases.mjs";
import { benchImport } from "./import.mjs";
import { benchVisits } from "./visit.mjs";

const out = process.argv[2] || resolve(import.meta.dirname, "../../docs/benchmark.md");
const build = BUILDS[0];
const RUNS = 3;
const kb = (n) => (n / 1024).toFixed(1);

/** The wasm and JS of a wing's folder (`dir` below the build). */
function sizes(dir = "") {
  const root = join(build.root, dir);
  return readdirSync(root)
    .filter((f) => /\.(wasm|js)$/.test(f) && f !== "sw.js")
    .map((f) => {
      const raw = readFileSync(join(root, f));
      return {
        file: dir + f.replace(/-[0-9a-f]{8,}(?=(_bg)?\.)/, ""),
        raw: raw.length,
        gzip: gzipSync(raw, { level: 9 }).length,
        brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      };
    })
    .sort((a, b) => b.raw - a.raw);
}

// The crates and modules that make up signing, encryption and hashing.
const CRYPTO = /(^|[^a-z_])(sha2|curve25519_dalek|ed25519_dalek|ed25519|x25519_dalek|chacha20|poly1305|chacha20poly1305|scrypt|salsa20|pbkdf2|hmac|hkdf|getrandom|universal_hash|cipher|digest|pandu::bundle::(age|keys|codec|dsse))(\[[0-9a-f]+\])?::/;

/** Bytes of code and data before wasm-opt, in all and in the crypto crates (twiggy). */
function cryptoShare() {
  const wasm = resolve(import.meta.dirname, "../../target/wasm32-unknown-unknown/release/pandu.wasm");
  try {
    const csv = execFileSync("twiggy", ["top", "-n", "1000000", "-f", "csv", wasm], { encoding: "utf8", maxBuffer: 1 << 28 });
    let all = 0;
    let crypto = 0;
    for (const line of csv.split("\n").slice(1)) {
      const m = line.match(/^"?(.*?)"?,(\d+),/);
      if (!m || /function names|wasm_bindgen_unstable/.test(m[1])) continue;
      all += Number(m[2]);
      if (CRYPTO.test(m[1])) crypto += Number(m[2]);
    }
    return { all, crypto };
  } catch {
    return null;
  }
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
      // Applied throttling (4x CPU, 562 ms request latency, 1.47 Mbit/s),
      // as the issue's figures were taken: the default simulation replays
      // an unthrottled trace, in which the local wasm can arrive before
      // the first paint, which a slow phone never sees.
      "--throttling-method=devtools",
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
const officeFiles = sizes("kantor/");
const server = await startServer([build]);
const runs = [];
const stores = [];
let imports = null;
let visits = null;
try {
  visits = await benchVisits(server, build.prefix, RUNS);
  imports = await benchImport(server, build.prefix, 100000);
  for (let i = 0; i < RUNS; i++) runs.push(await lighthouse(server.url(build.prefix)));
  for (const n of [10000, 100000]) stores.push(await benchCases(server, build.prefix, n));
} finally {
  await server.close();
}
const lh = Object.fromEntries(["score", "fcp", "lcp", "tbt"].map((k) => [k, median(runs.map((r) => r[k]))]));
// The village's main wasm (what the first screens wait for) and its
// deferred file (README, "Deferred pages"), fetched after the first screen
// and kept by the service worker.
const wasm = files.find((f) => /^pandu_bg\.wasm$/.test(f.file));
const deferred = files.filter((f) => f.file.endsWith(".wasm") && f !== wasm);
const allWasm = [wasm, ...deferred].reduce((n, f) => n + f.brotli, 0);
const officeWasm = officeFiles.find((f) => f.file.endsWith(".wasm"));
const firstVisit = median(visits.first);
const warmStart = median(visits.warm);
const top = twiggy();
const share = cryptoShare();
const cryptoGzip = share && wasm ? (share.crypto / share.all) * wasm.gzip : null;

const report = `# Benchmark

Written by \`make bench\` on ${new Date().toISOString().slice(0, 10)}; release build for \`${build.prefix}\`,
served pre-compressed from 127.0.0.1. Goals for the village app: wasm <= 250 KB brotli,
first visit to the new-case screen <= 2.5 s, warm offline start <= 0.5 s, Lighthouse mobile
performance >= 95, LCP <= 2.0 s. The office workspace (\`kantor/\`) has no budget.

## Download sizes

The village app (what a phone downloads and keeps):

| file | raw KB | gzip KB | brotli KB |
|---|---:|---:|---:|
${files.map((f) => `| ${f.file} | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`).join("\n")}

The office workspace (downloaded only where it is opened):

| file | raw KB | gzip KB | brotli KB |
|---|---:|---:|---:|
${officeFiles.map((f) => `| ${f.file} | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`).join("\n")}

Village wasm brotli: **${kb(wasm.brotli)} KB** in the main file, the one the first screens wait for (goal 250 KB: ${wasm.brotli <= 250 * 1024 ? "met" : "missed"});
${deferred.map((f) => `${f.file} ${kb(f.brotli)} KB`).join(", ") || "no deferred file"} after the first screen; **${kb(allWasm)} KB** of village wasm in all, which the service worker keeps.
Office wasm brotli: **${kb(officeWasm.brotli)} KB**.

## Visits to the new-case screen (4x CPU, 150 ms RTT, 1.6 Mbit/s, median of ${RUNS})

| first visit ms (cold cache) | warm offline start ms | bytes fetched on the first visit |
|---:|---:|---:|
| ${Math.round(firstVisit)} | ${Math.round(warmStart)} | ${kb(median(visits.fetched))} KB |

Runs: first ${visits.first.map(Math.round).join(", ")} ms; warm ${visits.warm.map(Math.round).join(", ")} ms.
Goals: first visit <= 2500 ms ${firstVisit <= 2500 ? "met" : "missed"}; warm offline start <= 500 ms ${warmStart <= 500 ? "met" : "missed"}.

## Lighthouse (mobile, DevTools throttling, system Chromium, median of ${RUNS})

| performance | FCP ms | LCP ms | TBT ms |
|---:|---:|---:|---:|
| ${lh.score} | ${Math.round(lh.fcp)} | ${Math.round(lh.lcp)} | ${Math.round(lh.tbt)} |

Runs: ${runs.map((r) => `${r.score} / ${Math.round(r.fcp)} / ${Math.round(r.lcp)} / ${Math.round(r.tbt)}`).join("; ")} (score / FCP / LCP / TBT).
Goals: performance >= 95 ${lh.score >= 95 ? "met" : "missed"}; LCP <= 2000 ms ${lh.lcp <= 2000 ? "met" : "missed"}.

## Case store (4x CPU throttling, system Chromium at 360x640)

IndexedDB seeded with N synthetic cases (a list row and a creation event each), then the app
used as an officer would: Home opened (first page of the list, then the counts per status and
procedure), a draft field typed into and paused on ${stores[0]?.saves ?? 30} times, NIKs typed ${stores[0]?.niks ?? 10} times
(the duplicate lookup). Times are the app's own User Timing measures of its store calls, in ms.

| cases | seed s | first page | counts | save p50 | save p95 | NIK lookup p50 | NIK lookup p95 |
|---:|---:|---:|---:|---:|---:|---:|---:|
${stores.map((r) => `| ${r.n.toLocaleString("en")} | ${(r.seedMs / 1000).toFixed(1)} | ${r.list.toFixed(1)} | ${r.counts.toFixed(1)} | ${r.saveP50.toFixed(1)} | ${r.saveP95.toFixed(1)} | ${r.nikP50.toFixed(1)} | ${r.nikP95.toFixed(1)} |`).join("\n")}

Goals: save p95 <= 20 ms ${stores.every((r) => r.saveP95 <= 20) ? "met" : "missed"}; first page <= 100 ms ${stores.every((r) => r.list <= 100) ? "met" : "missed"};
NIK lookup <= 10 ms at p50 ${stores.every((r) => r.nikP50 <= 10) ? "met" : "missed"}, at p95 ${stores.every((r) => r.nikP95 <= 10) ? "met" : "missed"}.
The counts are read after the first page is shown and do not hold it up.

## Bundle import (4x CPU throttling, system Chromium at 1280x800)

A district laptop profile (office keys restored from a backup, the sending device approved),
IndexedDB already holding ${imports?.existing.toLocaleString("en")} cases, then case bundles made by \`tests/bench_bundles.rs\`
(Purwakarta cases through the village's part: the applicant, four documents, a note and the cover-letter step, 12 events each, no photos; an import refuses district steps a village recorded) imported through the Receive
page. Times in ms from the app's User Timing measures; the phases are the progress bar's steps.

| cases | file MB | import ms | open (decrypt, verify, parse) | read stored | merge | NIK check | encode | write | progress shown |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|
${(imports?.results ?? []).map((r) => `| ${r.n.toLocaleString("en")} | ${(r.bytes / 1048576).toFixed(1)} | ${Math.round(r.ms)} | ${Math.round(r.parts.open)} | ${Math.round(r.parts.read)} | ${Math.round(r.parts.merge)} | ${Math.round(r.parts.nik)} | ${Math.round(r.parts.encode)} | ${Math.round(r.parts.put)} | ${r.phases.length} steps |`).join("\n")}

Goal: 10,000 cases <= 10,000 ms with progress shown: ${imports?.results.find((r) => r.n === 10000)?.ms <= 10000 ? "met" : "missed"}.

The floor under the write phase: putting 10,000 rows shaped like the ones the import wrote, in
one strict transaction, into a scratch database with the list's same indexes and nothing else
done, takes **${Math.round(imports?.rowFloor ?? NaN)} ms** (median of ${imports?.rowFloors?.map((x) => Math.round(x)).join(", ")} ms) at the
same throttling. Each IndexedDB \`put\` costs the page about the same whatever the record, so an
import that gives every case its own list row cannot write 10,000 of them faster than this.

The keys' PIN entered on the Receive page at the same throttling (one scrypt at 2^15, r = 8,
32 MiB, then ChaCha20-Poly1305), from the tap to the page open: ${(imports?.unlocks ?? []).map((x) => `${x} ms`).join(", ")}
(median **${imports?.unlocks?.length ? median(imports.unlocks) : "?"} ms**; once per tab, and again after 15 minutes unused).

Crypto in the wasm (sha2, curve25519/ed25519/x25519, chacha20poly1305, scrypt, hmac, hkdf,
getrandom and Pandu's age/keys/codec/dsse modules): ${share ? `${kb(share.crypto)} KB of ${kb(share.all)} KB code and data before
wasm-opt, so about **${kb(cryptoGzip)} KB gzip** of the shipped wasm (its share of the gzip size;
goal <= 20 KB: ${cryptoGzip <= 20 * 1024 ? "met" : "missed"})` : "not measured (twiggy missing)"}.
${top ? `\n## Largest functions (twiggy top, before wasm-opt)\n\n\`\`\`\n${top.trim()}\n\`\`\`\n` : ""}`;
writeFileSync(out, report);
console.log(report);
