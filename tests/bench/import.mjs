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

export async function benchImport(server, prefix, existing = 100_000) {
  const dir = inputs();
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const url = (route = "") => server.url(prefix + route);
    const tid = (id) => page.getByTestId(id);
    await page.goto(url("settings"));
    await page.waitForFunction(() => !document.getElementById("boot"));
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
    await tid("device-card-file").setInputFiles(join(dir, "card.json"));
    await tid("device-approve").click();
    await page.waitForSelector("[data-testid=device-row][data-standing=enrolled]");
    await page.goto(url("procedures"));
    await tid("procedure-card").first().waitFor();
    await seed(page, existing);

    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    const results = [];
    for (const n of [1000, 10000]) {
      await page.goto(url("receive"));
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
    await context.close();
    return { existing, results };
  } finally {
    await browser.close();
  }
}
