// The shell in a real browser: first visit, navigation, language, a record
// surviving reload, accessibility and phone fit, under /pandu/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { testEnvironment, Pandu, PHONE } from "./pandu.mjs";

const env = testEnvironment();

test("first visit shows the empty case list in Indonesian with a way forward", async () => {
  const context = await env.browser.newContext(PHONE);
  const app = await Pandu.open(context, env.server);
  assert.equal(await app.h1(), "Daftar kasus");
  await app.tid("home-empty").waitFor();
  assert.match(await app.tid("home-empty").textContent(), /Belum ada kasus di perangkat ini/);
  assert.match(await app.tid("home-profile-missing").textContent(), /Profil perangkat belum diisi/);
  assert.equal(await app.page.getAttribute("html", "lang"), "id");
  // Links carry the sub-path the build was made for.
  assert.equal(await app.tid("nav-settings").getAttribute("href"), "/pandu/settings");
  await app.assertAccessible("home");
  await app.assertFitsPhone("home");
  // The manifest lets the officer add Pandu to the home screen.
  const manifest = await app.page.evaluate(async () => {
    const href = document.querySelector("link[rel=manifest]").href;
    const m = await (await fetch(href)).json();
    const icons = await Promise.all(m.icons.map(async (i) => (await fetch(new URL(i.src, href))).status));
    return { start: new URL(m.start_url, href).pathname, display: m.display, lang: m.lang, icons };
  });
  assert.deepEqual(manifest, { start: "/pandu/", display: "standalone", lang: "id", icons: [200, 200, 200, 200] });
  app.assertNoConsoleErrors();
  await context.close();
});

test("navigation moves between pages and deep links load directly", async () => {
  const context = await env.browser.newContext(PHONE);
  const app = await Pandu.open(context, env.server);
  await app.tid("nav-settings").click();
  await app.page.waitForURL(app.url("settings"));
  assert.equal(await app.h1(), "Pengaturan");
  assert.equal(await app.tid("nav-settings").getAttribute("aria-current"), "page");
  await app.assertAccessible("settings");
  await app.assertFitsPhone("settings");

  await app.tid("nav-about").click();
  await app.page.waitForURL(app.url("about"));
  assert.equal(await app.h1(), "Tentang Pandu");
  assert.match(await app.tid("about-version").textContent(), /Versi \d+\.\d+\.\d+/);
  await app.assertAccessible("about");

  await app.tid("nav-home").click();
  await app.page.waitForURL(app.url(""));
  assert.equal(await app.h1(), "Daftar kasus");

  // Typed into the address bar, or reloaded: the same page comes back.
  await app.goto("about");
  assert.equal(await app.h1(), "Tentang Pandu");
  await app.page.reload();
  await app.ready();
  assert.equal(await app.h1(), "Tentang Pandu");
  app.assertNoConsoleErrors();
  await context.close();
});

test("an unknown address shows the not-found page and a way home", async () => {
  const context = await env.browser.newContext(PHONE);
  const app = new Pandu(await context.newPage(), env.server);
  await app.goto("tidak/ada");
  await app.tid("not-found").waitFor();
  assert.equal(await app.h1(), "Halaman tidak ditemukan");
  await app.assertAccessible("not found");
  await app.page.getByRole("link", { name: "Kembali ke Beranda" }).click();
  await app.page.waitForURL(app.url(""));
  assert.equal(await app.h1(), "Daftar kasus");
  app.assertNoConsoleErrors();
  await context.close();
});

test("the language switch changes every word and persists across reloads", async () => {
  const context = await env.browser.newContext(PHONE);
  const app = await Pandu.open(context, env.server, "/pandu/", "settings");
  await app.tid("lang-en").check();
  assert.equal(await app.h1(), "Settings");
  assert.equal(await app.tid("nav-home").textContent(), "Home");
  assert.equal(await app.page.getAttribute("html", "lang"), "en");
  await app.assertAccessible("settings in English");

  await app.page.reload();
  await app.ready();
  assert.equal(await app.h1(), "Settings");
  assert.ok(await app.tid("lang-en").isChecked());
  await app.tid("nav-home").click();
  assert.equal(await app.h1(), "Case list");
  assert.match(await app.tid("home-empty").textContent(), /No cases on this device yet/);

  await app.tid("nav-settings").click();
  await app.tid("lang-id").check();
  assert.equal(await app.h1(), "Pengaturan");
  app.assertNoConsoleErrors();
  await context.close();
});

test("the profile is validated, stored in IndexedDB and survives a reload", async () => {
  const context = await env.browser.newContext(PHONE);
  const app = await Pandu.open(context, env.server, "/pandu/", "settings");
  await app.saveProfile({ device: "", officer: " ", village: "32.14" });
  const problems = await app.tid("profile-problems").textContent();
  assert.match(problems, /Isi nama perangkat/);
  assert.match(problems, /Isi nama petugas/);
  assert.match(problems, /Kode desa harus 10 digit/);

  await app.saveProfile({ device: "HP Desa Sukamaju", officer: "Siti  Aminah", village: "3214012001" });
  await app.tid("profile-saved").waitFor();
  // The stored form is normalised and shown back.
  await app.page.waitForFunction(() => document.querySelector("[data-testid=village-code]").value === "32.14.01.2001");

  await app.page.reload();
  await app.ready();
  await app.page.waitForFunction(() => document.querySelector("[data-testid=device-name]").value !== "");
  assert.equal(await app.tid("device-name").inputValue(), "HP Desa Sukamaju");
  assert.equal(await app.tid("officer-name").inputValue(), "Siti Aminah");
  assert.equal(await app.tid("village-code").inputValue(), "32.14.01.2001");

  await app.tid("nav-home").click();
  assert.match(await app.tid("home-officer").textContent(), /Siti Aminah · 32\.14\.01\.2001/);
  assert.equal(await app.tid("home-profile-missing").count(), 0);

  // The record is really in IndexedDB, not only on screen.
  const stored = await app.page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const r = indexedDB.open("pandu");
        r.onsuccess = () => {
          const get = r.result.transaction("settings").objectStore("settings").get("profile");
          get.onsuccess = () => { resolve(get.result); r.result.close(); };
          get.onerror = () => reject(get.error);
        };
        r.onerror = () => reject(r.error);
      }),
  );
  assert.deepEqual(stored, {
    key: "profile",
    value: { device_name: "HP Desa Sukamaju", officer_name: "Siti Aminah", village_code: "32.14.01.2001" },
  });
  app.assertNoConsoleErrors();
  await context.close();
});

test("settings report that storage works, whether it is persistent and the quota used", async () => {
  const context = await env.browser.newContext(PHONE);
  const app = await Pandu.open(context, env.server, "/pandu/", "settings");
  const section = app.tid("storage-status");
  await app.tid("storage-usage").waitFor();
  // The usage figure can arrive before the database has finished opening.
  await app.page.waitForFunction(() => /Penyimpanan siap/.test(document.querySelector("[data-testid=storage-status]").textContent));
  assert.match(await section.textContent(), /Penyimpanan siap/);
  assert.match(await app.tid("storage-persistent").textContent(), /permanen/i);
  assert.match(await app.tid("storage-usage").textContent(), /^[\d,]+ (B|KB|MB) dari [\d,]+ (MB|GB|TB) terpakai \([\d,]+%\)$/);
  app.assertNoConsoleErrors();
  await context.close();
});

test("touch targets are thumb-sized at 360x640", async () => {
  const context = await env.browser.newContext(PHONE);
  const app = await Pandu.open(context, env.server, "/pandu/", "settings");
  const small = await app.page.evaluate(() =>
    [...document.querySelectorAll("nav a, button, input:not([type=radio]):not(.visually-hidden), label.choice, label.btn")]
      .map((el) => ({ el: el.dataset.testid || el.textContent.trim(), h: el.getBoundingClientRect().height }))
      .filter((t) => t.h < 44),
  );
  assert.deepEqual(small, []);
  await context.close();
});
