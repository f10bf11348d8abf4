// The two wings (README, Architecture): a phone downloads and keeps only
// the village app; the office workspace under kantor/ loads apart, is kept
// once opened, explains itself on a device that is not the office, says
// so when its download fails, and is offered updates like the village app.
// Under each sub-path a regency may use.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { testEnvironment, Pandu, PHONE, BUILDS } from "./pandu.mjs";
import { startServer } from "./server.mjs";
import { makeOffice } from "./flows.mjs";

const env = testEnvironment();

/** Whether the service worker's cache holds the office's wasm. */
async function officeKept(page) {
  return page.evaluate(async () => {
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      if ((await cache.keys()).some((r) => /\/kantor\/kantor-[0-9a-f]+_bg\.wasm$/.test(r.url))) return true;
    }
    return false;
  });
}

async function waitOfficeKept(page) {
  for (let i = 0; i < 200; i++) {
    if (await officeKept(page)) return;
    await page.waitForTimeout(100);
  }
  assert.fail("the office workspace was not kept");
}

for (const build of BUILDS) {
  const { prefix } = build;

  test(`under ${prefix}: the village app works offline without the office's code; the office is kept once opened`, async (t) => {
    const host = await startServer([build]);
    t.after(() => host.close());
    const office = (r) => r.startsWith(`${prefix}kantor/`);
    const context = await env.browser.newContext(PHONE);
    const app = await Pandu.open(context, host, prefix, "cases/new");
    await app.offlineReady();
    assert.equal(await app.page.locator("main").getAttribute("data-wing"), "village");
    assert.equal(await app.h1(), "Kasus baru: pilih prosedur");
    await app.goto("settings");
    await app.saveProfile({ device: "HP Desa", officer: "Siti", village: "" });
    await app.tid("profile-saved").waitFor();
    // Settings points the office laptop to its workspace, without loading it.
    assert.equal(await app.tid("wing-office-link").locator("a").getAttribute("href"), `${prefix}kantor/`);
    assert.deepEqual(host.requests.filter(office), [], "the phone fetched nothing of the office");
    // One download of the app's code: the worker keeps the copy just loaded.
    assert.equal(host.requests.filter((r) => /\/pandu-[0-9a-f]+_bg\.wasm$/.test(r)).length, 1, "the wasm was fetched once");

    // Offline after one visit: the new-case screen and the rest open.
    await context.setOffline(true);
    await app.goto("cases/new");
    assert.equal(await app.h1(), "Kasus baru: pilih prosedur");
    await app.goto("procedures");
    assert.equal(await app.h1(), "Prosedur SOP");
    assert.deepEqual(host.requests.filter(office), [], "still nothing of the office");

    // The office's address, offline, before it was ever opened here: said
    // in words, with the way back and a retry.
    await app.page.goto(host.url(`${prefix}kantor/inbox`));
    const missing = app.tid("office-unavailable");
    await missing.waitFor();
    assert.match(await missing.textContent(), /belum tersimpan di perangkat ini/);
    assert.equal(await app.tid("office-back").getAttribute("href"), host.url(prefix));
    await app.tid("office-retry").click();
    await missing.waitFor();
    // The browser logged the failed fetches: expected while offline.
    app.errors = app.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e));

    // Back online, the retry opens it: on a phone that is not the office,
    // it says what it is and links back.
    await context.setOffline(false);
    await app.tid("office-retry").click();
    const intro = app.tid("wing-office-intro");
    await intro.waitFor();
    assert.equal(await app.page.locator("main").getAttribute("data-wing"), "office");
    assert.match(await intro.textContent(), /Ruang kerja kantor Dinas Sosial/);
    assert.match(await intro.textContent(), /Petugas desa atau kelurahan tidak memerlukannya/);
    assert.equal(await app.tid("wing-back").getAttribute("href"), prefix);
    assert.equal(await app.tid("nav-inbox").count(), 0, "no office tabs on a phone");
    assert.equal(await app.tid("nav-home").count(), 0, "no tabs that would lead nowhere");
    await app.assertFitsPhone(`office intro under ${prefix}`);
    await app.assertAccessible(`office intro under ${prefix}`);
    assert.ok(host.requests.some((r) => /kantor\/kantor-[0-9a-f]+_bg\.wasm$/.test(r)));
    await waitOfficeKept(app.page);

    // Kept: offline, the office's addresses open again.
    await context.setOffline(true);
    await app.page.reload();
    await intro.waitFor();
    await app.page.goto(host.url(`${prefix}kantor/settings`));
    await intro.waitFor();
    // The way back leads to the village app, offline too, data intact.
    await app.tid("wing-back").click();
    await app.page.waitForURL(host.url(prefix));
    await app.ready();
    assert.equal(await app.h1(), "Daftar kasus");
    await app.goto("settings");
    await app.page.waitForFunction(() => document.querySelector("[data-testid=device-name]").value === "HP Desa");
    // Settings' link opens the office workspace (a page load, not the
    // village app's router).
    await app.tid("wing-open-office").click();
    await intro.waitFor();
    assert.equal(app.page.url(), host.url(`${prefix}kantor/`));
    app.assertNoConsoleErrors();
    await context.close();
  });

  test(`under ${prefix}: deep links into either wing load on a first visit, and the office works offline after its first visit`, async (t) => {
    const host = await startServer([build]);
    t.after(() => host.close());
    const context = await env.browser.newContext({ acceptDownloads: true });
    // The web host answers unknown addresses with 404.html: the village
    // app's, which hands office addresses on.
    const page = await context.newPage();
    await page.goto(host.url(`${prefix}kantor/inbox?x=1`));
    await page.getByTestId("wing-office-intro").waitFor();
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, `${prefix}kantor/inbox?x=1`);
    await page.goto(host.url(`${prefix}procedures/purwakarta/enrolment`));
    await page.locator("main[data-wing=village] h1").waitFor();
    await page.close();

    // The office laptop: district mode in its workspace.
    const app = await Pandu.open(context, host, prefix, "settings");
    await makeOffice(app, { code: "32.14", pack: "purwakarta" });
    assert.equal(app.prefix, `${prefix}kantor/`);
    await app.goto("inbox");
    assert.equal(await app.page.locator("main").getAttribute("data-desk"), "office");
    await app.offlineReady();
    await waitOfficeKept(app.page);
    // The village app's address on the office laptop opens the office's.
    await app.page.goto(host.url(`${prefix}procedures`));
    await app.page.waitForURL(host.url(`${prefix}kantor/procedures`));

    await context.setOffline(true);
    await app.goto("dashboard");
    assert.equal(await app.h1(), "Dasbor");
    await app.goto("inbox");
    await app.tid("nav-inbox").waitFor();
    app.assertNoConsoleErrors();
    await context.close();
  });
}

test("a failed download of the office workspace says so and can be retried, stored data intact", async (t) => {
  const host = await startServer([BUILDS[0]]);
  t.after(() => host.close());
  const context = await env.browser.newContext(PHONE);
  const app = await Pandu.open(context, host, "/pandu/", "settings");
  await app.offlineReady();
  await app.saveProfile({ device: "Laptop Baru", officer: "Rina", village: "" });
  await app.tid("profile-saved").waitFor();
  // The signal drops while the office's code downloads.
  host.breakOff(/\/kantor\/.*\.wasm$/);
  await app.page.goto(host.url("/pandu/kantor/"));
  const failed = app.page.locator("#boot-failed");
  await failed.waitFor({ state: "visible" });
  assert.match(await failed.textContent(), /Ruang kerja kantor belum bisa dimuat/);
  assert.match(await failed.textContent(), /Data yang sudah tersimpan tetap aman/);
  assert.equal(await app.tid("boot-back").getAttribute("href"), "../");
  host.mend();
  await app.page.locator("#boot-retry").click();
  await app.tid("wing-office-intro").waitFor();
  await app.page.waitForFunction(() => document.querySelector("[data-testid=device-name]").value === "Laptop Baru");
  await context.close();
});

test("an update is offered in each wing and applied only when the officer agrees", async (t) => {
  const host = await startServer([BUILDS[0]]);
  t.after(() => host.close());
  const context = await env.browser.newContext();
  const village = await Pandu.open(context, host, "/pandu/", "settings");
  await village.offlineReady();
  const desk = await Pandu.open(context, host, "/pandu/", "settings");
  await makeOffice(desk, { code: "32.14", pack: "purwakarta" });
  await waitOfficeKept(desk.page);
  // This laptop is now the office; the first tab was opened before.
  const sw = await readFile(join(BUILDS[0].root, "sw.js"), "utf8");
  host.override("/pandu/", "sw.js", sw.replace(/const BUILD_ID = "([0-9a-f]+)"/, 'const BUILD_ID = "eeeeeeeeeeeeeeee"'));

  await desk.tid("officer-name").fill("Sedang mengetik");
  await desk.page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  for (const app of [desk, village]) {
    await app.tid("update-banner").waitFor();
    assert.match(await app.tid("update-banner").textContent(), /Versi baru Pandu tersedia/);
  }
  await desk.page.waitForTimeout(500);
  assert.equal(await desk.tid("officer-name").inputValue(), "Sedang mengetik", "nothing reloaded by itself");

  await Promise.all([desk.page.waitForEvent("load"), desk.tid("update-reload").click()]);
  await desk.ready();
  await desk.page.waitForFunction(async () => (await caches.keys()).join() === "pandu-eeeeeeeeeeeeeeee");
  // The new build brought the office's new files too: offline it opens.
  assert.ok(await officeKept(desk.page), "the office workspace is kept across the update");
  await context.setOffline(true);
  await desk.goto("inbox");
  await desk.tid("nav-inbox").waitFor();
  desk.assertNoConsoleErrors();
  await context.close();
});
