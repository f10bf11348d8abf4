// Offline: after one visit the app starts with the network off, under each
// sub-path; a new deploy is offered, never forced; a first visit that cannot
// fetch the app says so.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { testEnvironment, Pandu, PHONE, BUILDS } from "./pandu.mjs";
import { startServer } from "./server.mjs";

const env = testEnvironment();

for (const build of BUILDS) {
  const { prefix } = build;
  test(`after one visit the app starts offline under ${prefix}`, async () => {
    // Each build alone on its host, as a regency would upload it.
    const host = await startServer([build]);
    const context = await env.browser.newContext(PHONE);
    const app = await Pandu.open(context, host, prefix, "settings");
    await app.offlineReady();
    await app.saveProfile({ device: "HP Kantor", officer: "Budi", village: "" });
    await app.tid("profile-saved").waitFor();

    await context.setOffline(true);
    assert.equal(await app.page.evaluate(() => navigator.onLine), false);
    await app.page.reload();
    await app.ready();
    assert.equal(await app.h1(), "Pengaturan");
    await app.page.waitForFunction(() => document.querySelector("[data-testid=device-name]").value === "HP Kantor");

    // Other addresses of the app, typed while offline, still open.
    await app.goto("about");
    assert.equal(await app.h1(), "Tentang Pandu");
    await app.goto("");
    assert.equal(await app.h1(), "Daftar kasus");
    assert.equal(await app.tid("nav-about").getAttribute("href"), `${prefix}about`);
    await app.assertAccessible(`home offline under ${prefix}`);
    app.assertNoConsoleErrors();
    await context.close();
    await host.close();
  });
}

test("a first visit that cannot fetch the app explains it in both languages", async () => {
  const context = await env.browser.newContext(PHONE);
  const page = await context.newPage();
  // The page arrived but the app's code did not (signal lost mid-load).
  await page.route(/\.(wasm|js)$/, (route) => route.abort("internetdisconnected"));
  await page.goto(env.server.url("/pandu/"));
  const failed = page.locator("#boot-failed");
  await failed.waitFor({ state: "visible" });
  const text = await failed.textContent();
  assert.match(text, /Pandu belum bisa dimuat/);
  assert.match(text, /sambungkan HP ke internet/);
  assert.match(text, /Pandu could not load/);
  assert.equal(await page.locator("#boot-loading").isVisible(), false);
  await context.close();
});

test("a new deploy is offered and applied only when the officer agrees", async () => {
  const context = await env.browser.newContext(PHONE);
  const app = await Pandu.open(context, env.server, "/pandu/", "settings");
  await app.offlineReady();
  const oldCaches = await app.page.evaluate(() => caches.keys());
  assert.equal(oldCaches.length, 1);

  // Deploy: the same build with a different id, as the post-build hook
  // would stamp it.
  const sw = await readFile(join(BUILDS[0].root, "sw.js"), "utf8");
  const next = sw.replace(/const BUILD_ID = "([0-9a-f]+)"/, 'const BUILD_ID = "ffffffffffffffff"');
  assert.notEqual(next, sw, "sw.js carries a build id");
  env.server.override("/pandu/", "sw.js", next);

  // The officer is typing when the update arrives.
  await app.tid("officer-name").fill("Sedang mengetik");
  await app.page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  await app.tid("update-banner").waitFor();
  assert.match(await app.tid("update-banner").textContent(), /Versi baru Pandu tersedia/);
  // Nothing reloaded by itself: the half-typed field is still there.
  await app.page.waitForTimeout(500);
  assert.equal(await app.tid("officer-name").inputValue(), "Sedang mengetik");

  await Promise.all([app.page.waitForEvent("load"), app.tid("update-reload").click()]);
  await app.ready();
  await app.page.waitForFunction(async () => (await caches.keys()).join() === "pandu-ffffffffffffffff");
  assert.equal(await app.tid("update-banner").count(), 0);
  app.assertNoConsoleErrors();
  await context.close();
});
