// The case store under load: IndexedDB seeded with N synthetic cases,
// then the app used at 4x CPU throttling (Chromium DevTools protocol), as
// on a cheap phone. The app times its own store work as User Timing
// measures (`pandu:save`, `pandu:list`, `pandu:counts`, `pandu:nik`); this
// reads them. Goals: draft save p95 <= 20 ms, first list page <= 100 ms,
// NIK lookup <= 10 ms.
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, PHONE } from "../e2e/pandu.mjs";

const SAVES = 30;
const LOOKUPS = 10;

/** Writes `n` cases (a list row and a creation event each) straight into the app's database. */
export async function seed(page, n) {
  await page.evaluate(async (n) => {
    const db = await new Promise((ok, ko) => {
      const r = indexedDB.open("pandu");
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    const names = ["Siti", "Budi", "Aminah", "Rahmat", "Dewi", "Ahmad", "Sri", "Joko", "Wati", "Agus", "Yohana", "Made"];
    const statuses = ["draft", "finished", "sent", "acknowledged", "archived"];
    const t0 = Date.UTC(2025, 0, 1);
    const BATCH = 5000;
    for (let start = 0; start < n; start += BATCH) {
      await new Promise((ok, ko) => {
        const tx = db.transaction(["cases", "case_events"], "readwrite");
        const cases = tx.objectStore("cases");
        const events = tx.objectStore("case_events");
        for (let i = start; i < Math.min(n, start + BATCH); i++) {
          const id = `bench${String(i).padStart(7, "0")}`;
          const name = `${names[i % names.length]} ${names[(i * 7) % names.length]} ${i}`;
          const nik = `3214${String(10000000 + i).slice(-8)}${String(1000 + (i % 9000)).padStart(4, "0")}`;
          const at = t0 + i * 60000;
          cases.put({
            id, procedure_id: i % 3 ? "purwakarta.enrolment" : "karanganyar.pbi_pbpu_proposal",
            applicant_name: name, nik, status: statuses[i % 5], updated_at: at, rank: -at, created_at: at,
            node: "bring_letter", outcome: null, words: name.toLowerCase().split(" "),
          });
          events.put({
            id: `bench-${id}`, case_id: id, at, device: "dbench", officer: "Bench",
            kind: { created: { pack: "purwakarta", version: 2, procedure: "enrolment" } },
          });
        }
        tx.oncomplete = ok;
        tx.onerror = () => ko(tx.error);
      });
    }
    db.close();
  }, n);
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

async function measures(page, name) {
  return page.evaluate((name) => performance.getEntriesByName(name).map((e) => e.duration), name);
}

/** Runs the scenario on a fresh profile with `n` cases; returns the figures in ms. */
export async function benchCases(server, prefix, n) {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const url = (route = "") => server.url(prefix + route);
    await page.goto(url("settings"));
    await page.waitForFunction(() => !document.getElementById("boot"));
    await page.getByTestId("device-name").fill("HP Bench");
    await page.getByTestId("officer-name").fill("Bench");
    await page.getByTestId("profile-save").click();
    await page.getByTestId("profile-saved").waitFor();
    // Packs stored, so case pages open.
    await page.goto(url("procedures"));
    await page.getByTestId("procedure-card").first().waitFor();
    const seedStart = Date.now();
    await seed(page, n);
    const seedMs = Date.now() - seedStart;

    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });

    // First list page: Home opened with n cases stored.
    await page.goto(url(""));
    await page.getByTestId("case-row").first().waitFor({ timeout: 120000 });
    await page.waitForFunction(() => performance.getEntriesByName("pandu:counts").length > 0);
    const list = (await measures(page, "pandu:list"))[0];
    const counts = (await measures(page, "pandu:counts"))[0];

    // Draft saves: a field typed into, paused on, again and again.
    await page.goto(url(`cases/bench${String(n - 1).padStart(7, "0")}`));
    await page.getByTestId("f-address").waitFor();
    for (let i = 0; i < SAVES; i++) {
      await page.getByTestId("f-address").fill(`Jl. Bench ${i}`);
      await page.waitForSelector('.save-note[data-state=saved][data-typing="0"]');
    }
    const saves = await measures(page, "pandu:save");

    // NIK lookups: the duplicate check as NIKs are typed.
    for (let i = 0; i < LOOKUPS; i++) {
      const before = (await measures(page, "pandu:nik")).length;
      await page.getByTestId("f-nik").fill(`32140000${String(1000 + i * 37).padStart(4, "0")}${String(1000 + i).padStart(4, "0")}`);
      await page.waitForFunction((b) => performance.getEntriesByName("pandu:nik").length > b, before, { timeout: 60000 });
    }
    const niks = await measures(page, "pandu:nik");
    await context.close();
    return {
      n,
      seedMs,
      list,
      counts,
      firstPage: list + counts,
      saveP50: pct(saves, 50),
      saveP95: pct(saves, 95),
      saves: saves.length,
      nikP50: pct(niks, 50),
      nikP95: pct(niks, 95),
      niks: niks.length,
    };
  } finally {
    await browser.close();
  }
}
