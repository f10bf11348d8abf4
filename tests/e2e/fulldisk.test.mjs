// A real full disk (issue 17): the browser profile on a small tmpfs, filled
// to the last byte while the app writes. Chromium answers a write it cannot
// commit by evicting the site's whole storage unless the site's storage is
// persistent (the grant Chrome gives an installed app); the app asks for
// that grant at every start and on install, holds its writes after the
// first failure, and notices if the browser deleted its data anyway.
//
// Needs root (it mounts a tmpfs); run by `make test` as root in CI.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, execSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, PHONE, BUILDS, launch, Pandu } from "./pandu.mjs";
import { startServer } from "./server.mjs";

const root = process.getuid?.() === 0;
let server;
before(async () => {
  server = await startServer([BUILDS[0]]);
});
after(async () => server?.close());

/** Counts every store's records from a page of the site that is not the app. */
async function stored(context) {
  const page = await context.newPage();
  await page.goto(server.url("/outside-the-app"));
  const out = await page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === "pandu")) return {};
    const db = await new Promise((ok, ko) => {
      const r = indexedDB.open("pandu");
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    const counts = {};
    for (const name of db.objectStoreNames) {
      counts[name] = await new Promise((ok) => {
        const r = db.transaction(name).objectStore(name).count();
        r.onsuccess = () => ok(r.result);
      });
    }
    db.close();
    return counts;
  });
  await page.close();
  return out;
}

function fill(dir) {
  for (const bs of ["1M", "4k", "512", "1"]) {
    try {
      execFileSync("dd", ["if=/dev/zero", `of=${join(dir, "filler")}`, `bs=${bs}`, "oflag=append", "conv=notrunc"], { stdio: "ignore" });
    } catch {}
  }
  try {
    execFileSync("dd", ["if=/dev/zero", `of=${join(dir, "filler2")}`, "bs=1"], { stdio: "ignore" });
  } catch {}
}

async function profileOn(dir) {
  return chromium.launchPersistentContext(join(dir, "profile"), {
    executablePath: "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
    headless: true,
    ...PHONE,
  });
}

for (const mode of ["village", "office"]) {
  test(`a full disk on a ${mode} device: everything saved before it is there after a browser restart`, { skip: !root && "needs root to mount a tmpfs" }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "pandu-full-"));
    execSync(`mount -t tmpfs -o size=32m tmpfs ${dir}`);
    let context;
    try {
      // The grant Chrome stores for an installed app (the app asks for it
      // with navigator.storage.persist(); headless Chromium has no
      // install, so the stored grant is seeded).
      mkdirSync(join(dir, "profile", "Default"), { recursive: true });
      const exceptions = { durable_storage: { [`${server.origin},*`]: { last_modified: "13370000000000000", setting: 1 } } };
      writeFileSync(join(dir, "profile", "Default", "Preferences"), JSON.stringify({ profile: { content_settings: { exceptions } } }));
      context = await profileOn(dir);
      let app = await Pandu.open(context, server, "/pandu/", "settings");
      await app.tid("storage-persistent").waitFor();
      assert.match(await app.tid("storage-persistent").textContent(), /^Permanen/, "the app asked, and storage is persistent");
      if (mode === "village") {
        await app.saveProfile({ device: "HP Desa Sukamaju", officer: "Siti Aminah", village: "32.14.01.2001" });
        await app.tid("profile-saved").waitFor();
        await app.goto("procedures");
        await app.tid("regency").selectOption("purwakarta");
        await app.goto("");
        await app.tid("new-case").click();
        await app.tid("start-enrolment").click();
        await app.tid("f-full_name").fill("Siti Aminah");
        await app.tid("f-nik").fill("3214014101900002");
        await app.page.waitForSelector('.save-note[data-state=saved][data-typing="0"]');
      } else {
        await app.toOffice();
        await app.saveProfile({ device: "Laptop Dinsos", officer: "Pak Staf", village: "" });
        await app.tid("profile-saved").waitFor();
        await app.tid("office-create").locator("summary").click();
        await app.tid("office-code").fill("32.14");
        await app.tid("office-pack").selectOption("purwakarta");
        await app.tid("office-make").click();
        await app.tid("office-fingerprint").waitFor();
      }
      const url = app.page.url();
      const before = await stored(context);
      assert.ok(before.keys >= 1 && before.settings >= 1, JSON.stringify(before));

      fill(dir);
      if (mode === "village") {
        await app.tid("f-phone").fill("081234567890");
        await app.tid("case-save-failed").waitFor({ timeout: 15_000 });
        assert.match(await app.tid("case-save-failed").textContent(), /Ruang penyimpanan penuh/);
      } else {
        await app.tid("officer-name").fill("Pak Staf Dua");
        await app.tid("profile-save").click();
      }
      // Chromium's eviction, if it comes, comes within seconds. (Nothing
      // else opens the database meanwhile: an open needs to write too.)
      await app.page.waitForTimeout(12_000);
      rmSync(join(dir, "filler"), { force: true });
      rmSync(join(dir, "filler2"), { force: true });
      await context.close();

      context = await profileOn(dir);
      const after = await stored(context);
      for (const [name, n] of Object.entries(before)) {
        assert.ok((after[name] ?? 0) >= n, `${name}: ${n} before the disk filled, ${after[name] ?? 0} after the restart`);
      }
      app = new Pandu(await context.newPage(), server);
      await app.page.goto(url);
      await app.ready();
      assert.equal(await app.tid("storage-wiped").count(), 0);
      if (mode === "village") {
        await app.tid("applicant").waitFor({ state: "attached" });
        assert.equal(await app.tid("f-nik").inputValue(), "3214014101900002");
      } else {
        await app.tid("office-fingerprint").waitFor();
      }
      await context.close();
    } finally {
      await context?.close().catch(() => {});
      try {
        execSync(`umount ${dir}`);
      } catch {}
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test("data the browser deleted is noticed and explained, not silently replaced", async (t) => {
  const browser = await launch();
  t.after(() => browser.close());
  const context = await browser.newContext(PHONE);
  const app = await Pandu.open(context, server, "/pandu/", "settings");
  await app.saveProfile({ device: "HP Desa Sukamaju", officer: "Siti Aminah", village: "32.14.01.2001" });
  await app.tid("profile-saved").waitFor();
  // The keys section of Settings makes the device's key.
  await app.page.waitForFunction(() => localStorage.getItem("pandu.device"));
  // The browser evicts the site's IndexedDB (localStorage stays), as
  // Chromium does on a full disk without a persistence grant.
  await app.page.goto(server.url("/outside-the-app"));
  await app.page.evaluate(() => new Promise((ok, ko) => {
    const r = indexedDB.deleteDatabase("pandu");
    r.onsuccess = ok;
    r.onerror = () => ko(r.error);
    r.onblocked = ok;
  }));
  await app.goto("");
  await app.tid("storage-wiped").waitFor();
  assert.match(await app.tid("storage-wiped").textContent(), /dihapus oleh browser/);
  assert.match(await app.tid("storage-wiped").textContent(), /layar utama/);
  // Told once: after "I understand" it is gone, also after a reload.
  await app.tid("storage-wiped-ok").click();
  await app.page.reload();
  await app.ready();
  assert.equal(await app.tid("storage-wiped").count(), 0);
  await app.assertFitsPhone("home");
});
