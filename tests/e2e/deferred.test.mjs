// The village pages that come in the deferred wasm file (README,
// "Deferred pages"): a first visit shows the case list and the new-case
// form from the main file alone; the other pages fetch the deferred file
// when first opened, and a failed fetch says so, keeps what was stored,
// and can be retried.
import { test } from "node:test";
import assert from "node:assert/strict";
import { testEnvironment, Pandu, PHONE, BUILDS } from "./pandu.mjs";
import { startServer } from "./server.mjs";

const env = testEnvironment();
const DEFERRED = /\/split_village_pages-[0-9a-f]{16}\.wasm$/;

test("the first screens need only the main wasm; the other pages fetch the deferred file", async (t) => {
  const host = await startServer([BUILDS[0]]);
  t.after(() => host.close());
  // No service worker, so every fetch is the page's own.
  const context = await env.browser.newContext({ ...PHONE, serviceWorkers: "block" });
  const page = await context.newPage();
  const wasm = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname.endsWith(".wasm")) wasm.push(new URL(r.url()).pathname);
  });
  const app = new Pandu(page, host, "/pandu/");
  await app.goto("cases/new");
  assert.equal(await app.h1(), "Kasus baru: pilih prosedur");
  await app.tid("nav-home").click();
  await page.locator("main h1", { hasText: "Daftar kasus" }).waitFor();
  assert.equal(wasm.length, 1, `one wasm file before a deferred page: ${wasm}`);
  assert.doesNotMatch(wasm[0], DEFERRED);

  await app.tid("nav-about").click();
  await page.locator("main h1", { hasText: "Tentang Pandu" }).waitFor();
  assert.equal(wasm.filter((p) => DEFERRED.test(p)).length, 1, `the deferred file fetched once: ${wasm}`);
  // Fetched once for all of them.
  await app.tid("nav-procedures").click();
  await page.locator("main h1", { hasText: "Prosedur SOP" }).waitFor();
  assert.equal(wasm.length, 2, `${wasm}`);
  app.assertNoConsoleErrors();
  await context.close();
});

test("a deferred page whose code cannot be fetched says so and can be retried, stored data intact", async (t) => {
  const host = await startServer([BUILDS[0]]);
  t.after(() => host.close());
  // No service worker to keep the deferred file: each page load fetches it.
  const context = await env.browser.newContext({ ...PHONE, serviceWorkers: "block" });
  const app = await Pandu.open(context, host, "/pandu/", "settings");
  await app.saveProfile({ device: "HP Desa", officer: "Siti Aminah", village: "32.14.01.2001" });
  await app.tid("profile-saved").waitFor();
  await app.goto("cases/new");
  // The signal drops; the new case is stored, its page needs the deferred
  // file (routed, so not from the HTTP cache of the Settings visit either).
  const cut = (route) => route.abort("internetdisconnected");
  await app.page.route(DEFERRED, cut);
  await app.tid("start-enrolment").click();
  const failed = app.tid("deferred-failed");
  await failed.waitFor();
  assert.match(await failed.textContent(), /belum tersimpan di perangkat ini, atau unduhannya terputus/);
  assert.match(await failed.textContent(), /Data yang sudah tersimpan tetap aman/);
  assert.equal(await failed.getAttribute("role"), "alert");
  await app.assertFitsPhone("deferred page failed");

  // The list (main file) still shows the profile and the new draft.
  await app.tid("nav-home").click();
  await app.tid("home-officer").waitFor();
  assert.match(await app.tid("home-officer").textContent(), /Siti Aminah/);
  await app.page.locator("[data-testid=case-row]").first().waitFor();
  assert.equal(await app.page.locator("[data-testid=case-row]").count(), 1);

  // Back to the case: still refused while the signal is gone, then opened.
  await app.page.goBack();
  await failed.waitFor();
  await app.page.unroute(DEFERRED, cut);
  await app.tid("deferred-retry").click();
  await app.tid("applicant").waitFor();
  assert.equal(await app.tid("deferred-failed").count(), 0);
  await context.close();
});
