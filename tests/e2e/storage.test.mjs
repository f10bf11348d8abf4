// Storage that cannot be used: each failure gets a clear message in the
// officer's language, and what was stored stays stored.
import { test } from "node:test";
import assert from "node:assert/strict";
import { testEnvironment, Pandu, PHONE } from "./pandu.mjs";

const env = testEnvironment();

/** A context with a saved profile, to check it survives the failure. */
async function contextWithProfile() {
  const context = await env.browser.newContext(PHONE);
  const app = await Pandu.open(context, env.server, "/pandu/", "settings");
  await app.saveProfile({ device: "HP Desa", officer: "Siti", village: "3214012001" });
  await app.tid("profile-saved").waitFor();
  await app.page.close();
  return context;
}

async function assertProfileKept(context) {
  const app = await Pandu.open(context, env.server, "/pandu/", "settings");
  await app.page.waitForFunction(() => document.querySelector("[data-testid=officer-name]").value === "Siti");
  await app.page.close();
}

const FAILURES = [
  {
    name: "private mode refuses IndexedDB",
    script: () => {
      IDBFactory.prototype.open = function () {
        throw new DOMException("A mutation operation was attempted on a database that did not allow mutations.", "InvalidStateError");
      };
    },
    words: /mode penyamaran\/pribadi/,
    english: /incognito\/private mode/,
  },
  {
    name: "a full disk refuses the start-up write",
    script: () => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (value, key) {
        if (this.name === "settings") throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        return put.call(this, value, key);
      };
    },
    words: /Ruang penyimpanan penuh/,
    english: /Storage is full/,
  },
  {
    name: "a browser without IndexedDB",
    script: () => {
      Object.defineProperty(window, "indexedDB", { value: undefined });
    },
    words: /tidak mendukung penyimpanan offline/,
    english: /does not support offline storage/,
  },
];

for (const f of FAILURES) {
  test(`${f.name}: the officer is told why, and stored data is untouched`, async () => {
    const context = await contextWithProfile();
    const page = await context.newPage();
    await page.addInitScript(f.script);
    const app = new Pandu(page, env.server);
    await app.goto("");
    const banner = app.tid("storage-problem");
    await banner.waitFor();
    const text = await banner.textContent();
    assert.match(text, /Penyimpanan tidak bisa dipakai/);
    assert.match(text, f.words);
    assert.match(text, /Data yang sudah tersimpan tidak diubah/);
    assert.equal(await app.page.getByText("Memuat…").count(), 0, "no endless loading beside the problem");
    await app.assertAccessible(f.name);

    // The same message in English for an officer who chose it.
    await app.tid("nav-settings").click();
    await app.tid("lang-en").check();
    assert.match(await app.tid("storage-problem").textContent(), f.english);
    assert.equal(await app.tid("profile-save").isDisabled(), true, "nothing can be saved into broken storage");
    app.assertNoConsoleErrors();
    await page.close();

    await assertProfileKept(context);
    await context.close();
  });
}

test("an upgrade held up by another tab shows a waiting message, then a newer-data message; data kept", async () => {
  const context = await contextWithProfile();
  // Another tab (a newer Pandu) upgrades the database while an older
  // connection is still open: its upgrade waits, and ours queues behind it.
  const other = await context.newPage();
  await other.goto(env.server.url("/outside-the-app"));
  await other.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const r = indexedDB.open("pandu");
        r.onerror = () => reject(r.error);
        r.onsuccess = () => {
          window.hold = r.result; // ignores versionchange, like a stuck tab
          window.upgrade = indexedDB.open("pandu", r.result.version + 1);
          window.upgrade.onblocked = () => resolve();
        };
      }),
  );

  const app = new Pandu(await context.newPage(), env.server);
  await app.goto("");
  await app.tid("storage-waiting").waitFor({ timeout: 10_000 });
  assert.match(await app.tid("storage-waiting").textContent(), /Menunggu penyimpanan/);

  // The stuck connection lets go: the newer tab's upgrade runs, and this
  // older app must not write into the newer database.
  await other.evaluate(
    () =>
      new Promise((resolve) => {
        window.upgrade.onsuccess = () => { window.newer = window.upgrade.result; resolve(); };
        window.hold.close();
      }),
  );
  const banner = app.tid("storage-problem");
  await banner.waitFor();
  assert.match(await banner.textContent(), /versi Pandu yang lebih baru/);
  assert.equal(await app.page.getByRole("button", { name: "Muat ulang" }).count(), 1);
  app.assertNoConsoleErrors();

  const profile = await other.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const get = window.newer.transaction("settings").objectStore("settings").get("profile");
        get.onsuccess = () => resolve(get.result.value.officer_name);
        get.onerror = () => reject(get.error);
      }),
  );
  assert.equal(profile, "Siti", "the stored profile is untouched");
  await context.close();
});
