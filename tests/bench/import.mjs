// Importing case bundles at the district office: a laptop profile with
// the office keys restored from a backup and the village device approved,
// IndexedDB already holding 100,000 cases, then bundles of 1,000 and
// 10,000 cases imported through the Receive page at 4x CPU throttling.
// The inputs come from `tests/bench_bundles.rs` (made natively, signed by
// a benchmark device). The app times each import as the User Timing
// measure `pandu:import`; the progress bar's phases are recorded as seen.
// Goal: 10,000 cases <= 10 s with progress shown.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { tmpdir } from "node:os";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "../e2e/pandu.mjs";
import { seed } from "./cases.mjs";

const PASSPHRASE = "benchmark passphrase";

/** Writes the inputs with the native generator; returns their folder. */
function inputs() {
  const dir = mkdtempSync(join(tmpdir(), "pandu-bench-"));
  execFileSync("cargo", ["test", "--release", "--locked", "--test", "bench_bundles", "--", "--ignored"], {
    cwd: resolve(import.meta.dirname, "../.."),
    env: { ...process.env, PANDU_BENCH_OUT: dir },
    stdio: "inherit",
  });
  return dir;
}

const PIN = "482915";

/** Sets or enters the keys' PIN if the page asks; returns the ms from the
 * tap to the keys being open (scrypt at the lock's work factor), or null. */
export async function passPin(page) {
  const gate = page.locator("[data-testid=vault-set], [data-testid=vault-unlock], [data-vault=open]").first();
  await gate.waitFor({ timeout: 60000 });
  const id = await gate.getAttribute("data-testid");
  if (id !== "vault-set" && id !== "vault-unlock") return null;
  await page.getByTestId("vault-pin").fill(PIN);
  if (id === "vault-set") await page.getByTestId("vault-pin-again").fill(PIN);
  const started = Date.now();
  await page.getByTestId("vault-submit").click();
  await page.locator("[data-vault=open]").first().waitFor({ timeout: 60000 });
  return Date.now() - started;
}

export async function benchImport(server, prefix, existing = 100_000) {
  const dir = inputs();
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    // The office's work happens in its workspace, one folder down.
    const url = (route = "") => server.url(`${prefix}kantor/${route}`);
    const tid = (id) => page.getByTestId(id);
    await page.goto(url("settings"));
    await page.waitForFunction(() => !document.getElementById("boot"));
    await passPin(page);
    await tid("device-name").fill("Laptop Bench");
    await tid("officer-name").fill("Operator Bench");
    await tid("profile-save").click();
    await tid("profile-saved").waitFor();
    await tid("office-create").locator("summary").click();
    await tid("restore-file").setInputFiles(join(dir, "office.age"));
    await tid("restore-pass").fill(PASSPHRASE);
    await tid("restore-do").click();
    await tid("office-fingerprint").waitFor({ timeout: 120000 });
    await page.goto(url("devices"));
    await passPin(page);
    await tid("device-card-file").setInputFiles(join(dir, "card.json"));
    await tid("device-approve").click();
    await page.waitForSelector("[data-testid=device-row][data-standing=enrolled]");
    // The office laptop opens every page with the PIN.
    await page.goto(url("procedures"));
    await passPin(page);
    await tid("procedure-card").first().waitFor();
    await seed(page, existing);

    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    const results = [];
    // The PIN entered at 4x throttling: one scrypt at the lock's work factor.
    const unlocks = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(url("receive"));
      unlocks.push(await passPin(page));
    }
    for (const n of [1000, 10000]) {
      await page.goto(url("receive"));
      await passPin(page);
      await tid("receive-file").waitFor({ state: "attached" });
      const phases = new Set();
      const watch = setInterval(async () => {
        const p = await page.locator("[data-testid=import-progress] p").textContent().catch(() => null);
        if (p) phases.add(p.trim());
      }, 100);
      const started = Date.now();
      await tid("receive-file").setInputFiles(join(dir, `cases-${n}.pandu`));
      await page.waitForSelector("[data-testid=import-report], [data-testid=import-refused]", { timeout: 600000 });
      const wall = Date.now() - started;
      clearInterval(watch);
      const refused = await tid("import-refused").count();
      if (refused) throw new Error(`import of ${n} refused: ${await tid("import-refused").textContent()}`);
      const imported = Number(await tid("import-new").textContent());
      const last = (name) => page.evaluate((name) => {
        const m = performance.getEntriesByName(name);
        return m.length ? m[m.length - 1].duration : null;
      }, name);
      const ms = await last("pandu:import");
      const parts = {};
      for (const p of ["open", "read", "merge", "nik", "encode", "put"]) parts[p] = await last(`pandu:import:${p}`);
      results.push({ n, ms, wall, imported, parts, phases: [...phases], bytes: readFileSync(join(dir, `cases-${n}.pandu`)).length });
    }
    // The floor under the write phase: 10,000 rows shaped like the ones
    // the import just wrote, put in one strict transaction into a scratch
    // database with the same indexes as the app's list, nothing else done.
    const floors = [];
    for (let i = 0; i < 3; i++) floors.push(await rowFloor(page, 10000));
    await context.close();
    return { existing, results, unlocks, rowFloor: floors.sort((a, b) => a - b)[1], rowFloors: floors };
  } finally {
    await browser.close();
  }
}

/** Milliseconds to put `n` list rows (the app's shape and indexes) in one strict transaction. */
function rowFloor(page, n) {
  return page.evaluate(async (n) => {
    const req = (r) => new Promise((ok, ko) => { r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
    const app = await req(indexedDB.open("pandu"));
    const tx = app.transaction("cases");
    const store = tx.objectStore("cases");
    const template = await req(store.index("by_origin").get("dbenchvillage"));
    const indexes = [...store.indexNames].map((name) => {
      const i = store.index(name);
      return { name, keyPath: i.keyPath, multiEntry: i.multiEntry };
    });
    app.close();
    const open = indexedDB.open("pandu-row-floor", 1);
    open.onupgradeneeded = () => {
      const s = open.result.createObjectStore("cases", { keyPath: "id" });
      for (const i of indexes) s.createIndex(i.name, i.keyPath, { multiEntry: i.multiEntry });
    };
    const db = await req(open);
    const rows = Array.from({ length: n }, (_, k) => ({
      ...structuredClone(template),
      id: `floor${k}`,
      nik: `3299${String(10000000 + k)}0001`,
      applicant_name: `Warga Lantai ${k}`,
      words: ["warga", "lantai", String(k)],
    }));
    const t0 = performance.now();
    const w = db.transaction("cases", "readwrite", { durability: "strict" });
    const s = w.objectStore("cases");
    for (const r of rows) s.put(r);
    await new Promise((ok, ko) => { w.oncomplete = ok; w.onerror = () => ko(w.error); });
    const ms = performance.now() - t0;
    db.close();
    await req(indexedDB.deleteDatabase("pandu-row-floor"));
    return ms;
  }, n);
}
