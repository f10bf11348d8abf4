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
  // The signal drops: a case is made by the deferred file's code (with
  // the case page it opens), routed, so not from the HTTP cache of the
  // Settings visit either.
  const cut = (route) => route.abort("internetdisconnected");
  await app.page.route(DEFERRED, cut);
  await app.tid("start-enrolment").click();
  const failed = app.tid("deferred-failed");
  await failed.waitFor();
  assert.match(await failed.textContent(), /belum tersimpan di perangkat ini, atau unduhannya terputus/);
  assert.match(await failed.textContent(), /Data yang sudah tersimpan tetap aman/);
  assert.equal(await failed.getAttribute("role"), "alert");
  await app.assertFitsPhone("deferred page failed");

  // The list (main file) still shows the profile, and no half-made case.
  await app.tid("nav-home").click();
  await app.tid("home-officer").waitFor();
  assert.match(await app.tid("home-officer").textContent(), /Siti Aminah/);
  await app.tid("home-empty").waitFor();
  assert.equal(await app.page.locator("[data-testid=case-row]").count(), 0);

  // Back to the start: still refused while the signal is gone, then the
  // case asked for is made and opened, once.
  await app.page.goBack();
  await failed.waitFor();
  await app.page.unroute(DEFERRED, cut);
  await app.tid("deferred-retry").click();
  await app.tid("applicant").waitFor();
  assert.equal(await app.tid("deferred-failed").count(), 0);
  assert.match(app.route(), /^cases\/c[0-9a-f]{16}$/);
  // The start's place in the history is the case's: back is the form.
  await app.page.goBack();
  await app.page.locator("main h1", { hasText: "Kasus baru: pilih prosedur" }).waitFor();
  await app.tid("nav-home").click();
  await app.page.locator("[data-testid=case-row]").first().waitFor();
  assert.equal(await app.page.locator("[data-testid=case-row]").count(), 1);
  await context.close();
});

test("a case is made only from the form: not by the start address typed or reloaded, not without a profile", async () => {
  const context = await env.browser.newContext({ ...PHONE });
  const app = await Pandu.open(context, env.server, "/pandu/", "cases/new");
  // No profile yet: the start says what is missing, and stores nothing.
  await app.tid("start-enrolment").click();
  const notice = app.tid("new-case-profile");
  await notice.waitFor();
  assert.match(await notice.textContent(), /Isi profil perangkat dulu/);
  assert.equal(await notice.getAttribute("role"), "alert");
  assert.equal(await app.h1(), "Perlindungan terhadap Penyandang Masalah Sosial (PBI JKN)");
  await app.assertFitsPhone("a start without a profile");
  const settings = app.tid("new-case-settings");
  assert.ok((await settings.boundingBox()).height >= 44, "a thumb-sized way to the profile");
  await settings.click();
  await app.page.waitForURL(/\/pandu\/settings$/);
  await app.saveProfile({ device: "HP Desa", officer: "Siti Aminah", village: "32.14.01.2001" });
  await app.tid("profile-saved").waitFor();

  // The start address opened by hand, then reloaded: back to the form.
  for (const open of [() => app.page.goto(app.url("cases/start")), () => app.page.reload()]) {
    await open();
    await app.page.waitForURL(/\/pandu\/cases\/new$/);
    await app.tid("start-enrolment").waitFor();
  }
  await app.goto("");
  await app.tid("home-empty").waitFor();

  // From the form: one case, opened.
  await app.goto("cases/new");
  await app.tid("start-enrolment").click();
  await app.tid("applicant").waitFor();
  await app.goto("");
  await app.page.locator("[data-testid=case-row]").first().waitFor();
  assert.equal(await app.page.locator("[data-testid=case-row]").count(), 1);
  app.assertNoConsoleErrors();
  await context.close();
});
