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
  const context = await env.browser.newContext(PHONE);
  // No service worker, so every fetch shows in the page's own log.
  await context.route("**/sw.js", (route) => route.abort());
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
  const context = await env.browser.newContext(PHONE);
  // The signal drops before the service worker kept the deferred file.
  host.breakOff(DEFERRED);
  const app = await Pandu.open(context, host, "/pandu/", "");
  await app.tid("new-case").click();
  await app.tid("start-enrolment").click();
  // The new case is stored; its page needs the deferred file.
  const failed = app.tid("deferred-failed");
  await failed.waitFor();
  assert.match(await failed.textContent(), /belum tersimpan di perangkat ini, atau unduhannya terputus/);
  assert.match(await failed.textContent(), /Data yang sudah tersimpan tetap aman/);
  assert.equal(await failed.getAttribute("role"), "alert");
  await app.assertFitsPhone("deferred page failed");

  // The list (main file) still shows the new draft.
  await app.tid("nav-home").click();
  await app.page.locator("main h1", { hasText: "Daftar kasus" }).waitFor();
  await app.page.locator("[data-testid=case-row]").first().waitFor();
  assert.equal(await app.page.locator("[data-testid=case-row]").count(), 1);

  // Back to the case, and again with the signal back.
  await app.page.goBack();
  await failed.waitFor();
  host.mend();
  await app.tid("deferred-retry").click();
  await app.tid("applicant").waitFor();
  assert.equal(await app.tid("deferred-failed").count(), 0);
  await context.close();
});
