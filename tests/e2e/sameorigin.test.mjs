// Another page of the same website (issue 17): Pandu hosted under a
// sub-path shares its origin with the regency's other pages. Such a page
// finds no private key in plain form, whether the app is locked or
// unlocked in another tab, and a device record it writes is not trusted:
// the bundle signed by that device waits aside like any unknown one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { testEnvironment, Pandu, PHONE, VAULT_PIN } from "./pandu.mjs";
import { download, makeOffice, signIn } from "./flows.mjs";

const env = testEnvironment();

/**
 * The `keys` store as a page of the site that is not the app sees it:
 * `record`, if given, is written first; every record is returned.
 */
async function keysStore(page, record) {
  return page.evaluate(async (record) => {
    const db = await new Promise((ok, ko) => {
      const r = indexedDB.open("pandu");
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    const tx = db.transaction("keys", record ? "readwrite" : "readonly");
    const store = tx.objectStore("keys");
    if (record) store.put(record);
    const all = await new Promise((ok, ko) => {
      const r = store.getAll();
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    db.close();
    return all;
  }, record ?? null);
}

/** Writes `record` into the `settings` store, or deletes `key`, as a
 * page of the site that is not the app can. */
async function forgeSetting(page, { record, key }) {
  await page.evaluate(async ({ record, key }) => {
    const db = await new Promise((ok, ko) => {
      const r = indexedDB.open("pandu");
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    const tx = db.transaction("settings", "readwrite");
    if (record) tx.objectStore("settings").put(record);
    else tx.objectStore("settings").delete(key);
    await new Promise((ok, ko) => { tx.oncomplete = ok; tx.onerror = () => ko(tx.error); });
    db.close();
  }, { record: record ?? null, key: key ?? null });
}

/** A page of the same origin outside the app. */
async function outside(context) {
  const page = await context.newPage();
  await page.goto(env.server.url("/outside-the-app"));
  return page;
}

test("another page of the site finds no private key, and a device record it forges is not trusted", async () => {
  // The office, unlocked in its own tab.
  const laptop = await env.browser.newContext({ acceptDownloads: true });
  const dinas = await Pandu.open(laptop, env.server, "/pandu/", "settings");
  await makeOffice(dinas, { code: "16.71", pack: "palembang" });
  const config = await download(dinas, "office-config");

  // A village phone that trusts it, with one case ready to send.
  const phone = await env.browser.newContext({ ...PHONE, acceptDownloads: true });
  const desa = await Pandu.open(phone, env.server, "/pandu/", "settings");
  await desa.saveProfile({ device: "HP Kelurahan 1 Ilir", officer: "Siti Aminah", village: "16.71.01.1001" });
  await desa.tid("profile-saved").waitFor();
  await desa.tid("district-file").setInputFiles({ name: config.name, mimeType: "application/json", buffer: config.buffer });
  await desa.tid("district-trust").click();
  await desa.tid("district-name").waitFor();
  const card = await download(desa, "device-card");
  await desa.goto("procedures");
  await desa.tid("regency").selectOption("palembang");
  await desa.goto("");
  await desa.tid("new-case").click();
  await desa.tid("start-urgent_sick").click();
  await desa.tid("f-full_name").fill("Sari Dewi");
  await desa.tid("f-nik").fill("1671014101900002");
  for (const doc of ["cover_letter", "hospital_letter", "ktp", "kk", "sktm"]) {
    await desa.tid(`present-${doc}`).click();
    await desa.page.waitForSelector(`[data-testid=doc-${doc}][data-state=doc-present]`);
  }
  await desa.tid("complete-step").click();
  await desa.page.waitForSelector("[data-testid=village-done]");
  await desa.goto("send");
  await desa.tid("send-case").first().waitFor();
  await desa.tid("send-make").click();
  await desa.tid("bundle-made").waitFor();
  const bundle = await download(desa, "bundle-download");

  // Unlocked elsewhere (the office tab) and locked (a fresh tab's view):
  // the outside page reads the store either way.
  for (const context of [laptop, phone]) {
    const page = await outside(context);
    const records = await keysStore(page);
    const text = JSON.stringify(records);
    assert.ok(!/AGE-SECRET-KEY-/.test(text), "no age identity in plain form");
    for (const r of records.filter((r) => r.id === "device" || r.id === "office")) {
      assert.equal(r.secret, undefined, `${r.id}: no plain secret`);
      assert.match(r.sealed, /^[A-Za-z0-9+/]{40,}$/, `${r.id}: sealed`);
    }
    assert.ok(records.some((r) => r.id === "lock"), "the PIN's lock is stored");
    await page.close();
  }

  // The outside page enrols the village's device at the office, as the
  // app would write it but without the vault's tag (or with a made-up one).
  const manifest = JSON.parse(Buffer.from(JSON.parse(card.buffer.toString()).payload, "base64").toString());
  const forger = await outside(laptop);
  await keysStore(forger, {
    id: `peer:${manifest.sender.fingerprint}`,
    fingerprint: manifest.sender.fingerprint,
    sender: manifest.sender,
    standing: "enrolled",
    feedback_sent_at: 0,
    added_at: Date.now(),
    tag: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  });

  // The office does not believe it: the device shows as not approved,
  // marked, and its bundle waits aside.
  await dinas.goto("devices");
  const row = dinas.tid("device-row").first();
  await row.waitFor();
  assert.equal(await row.getAttribute("data-standing"), "pending");
  assert.equal(await row.getAttribute("data-forged"), "true");
  assert.match(await row.textContent(), /tidak dibuat oleh Pandu/);
  await dinas.goto("receive");
  await dinas.tid("receive-file").setInputFiles({ name: bundle.name, mimeType: "application/octet-stream", buffer: bundle.buffer });
  await dinas.tid("import-quarantined").waitFor();

  // The office's own approval, after reading the fingerprint back, is.
  await dinas.goto("devices");
  await dinas.tid("device-approve").first().click();
  await dinas.page.waitForSelector("[data-testid=device-row][data-standing=enrolled][data-forged=false]");
  dinas.assertNoConsoleErrors();
  desa.assertNoConsoleErrors();
  await laptop.close();
  await phone.close();
});

test("the PIN: too short or a run refused in words, a wrong one opens nothing", async () => {
  const context = await env.browser.newContext(PHONE);
  const page = await context.newPage();
  const app = new Pandu(page, env.server);
  await page.goto(app.url("send"));
  await page.waitForFunction(() => !document.getElementById("boot"));
  await app.tid("vault-set").waitFor();
  await app.assertFitsPhone("the PIN form");
  await app.assertAccessible("the PIN form");
  for (const [pin, again, words] of [
    ["1234", "1234", /Terlalu pendek/],
    ["123456", "123456", /mudah ditebak/],
    ["482915", "482916", /tidak sama/],
  ]) {
    await app.tid("vault-pin").fill(pin);
    await app.tid("vault-pin-again").fill(again);
    await app.tid("vault-submit").click();
    await page.waitForFunction((w) => new RegExp(w).test(document.querySelector("[data-testid=vault-message]")?.textContent ?? ""), words.source);
  }
  await app.tid("vault-pin").fill("482915");
  await app.tid("vault-pin-again").fill("482915");
  await app.tid("vault-submit").click();
  await app.page.locator("[data-vault=open]").waitFor();
  // A new tab is locked: a wrong PIN opens nothing, the right one does.
  const other = new Pandu(await context.newPage(), env.server);
  await other.page.goto(other.url("send"));
  await other.tid("vault-unlock").waitFor();
  await other.tid("vault-pin").fill("000000");
  await other.tid("vault-submit").click();
  await other.tid("vault-message").waitFor();
  assert.match(await other.tid("vault-message").textContent(), /PIN salah/);
  assert.equal(await other.page.locator("[data-vault=open]").count(), 0);
  await other.tid("vault-pin").fill("482915");
  await other.tid("vault-submit").click();
  await other.page.locator("[data-vault=open]").waitFor();

  // A forgotten PIN: the old keys are deleted only when the officer says
  // so, then a new PIN starts afresh.
  const third = new Pandu(await context.newPage(), env.server);
  await third.page.goto(third.url("send"));
  await third.tid("vault-unlock").waitFor();
  await third.tid("vault-forgot").locator("summary").click();
  assert.match(await third.tid("vault-forgot").textContent(), /kasus dan foto di perangkat ini tetap aman/);
  assert.equal(await third.tid("vault-forget").isDisabled(), true, "not without the officer's confirmation");
  await third.tid("vault-forget-confirm").check();
  await third.tid("vault-forget").click();
  await third.tid("vault-set").waitFor();
  await third.tid("vault-pin").fill("730519");
  await third.tid("vault-pin-again").fill("730519");
  await third.tid("vault-submit").click();
  await third.tid("vault-saved").waitFor();
  await context.close();
});

test("a staff list another page writes is trusted for nothing, a forged sign-in signs nobody in, and locking signs out", async () => {
  const laptop = await env.browser.newContext();
  const dinas = await Pandu.open(laptop, env.server, "/pandu/", "settings");
  await makeOffice(dinas, { code: "33.13", pack: "karanganyar" });
  const kadis = { name: "Bu Kadis", role: "kadis", pin: "4444" };
  await dinas.tid("staff-name").fill(kadis.name);
  await dinas.tid("staff-role").selectOption(kadis.role);
  await dinas.tid("staff-pin").fill(kadis.pin);
  await dinas.tid("staff-pin-again").fill(kadis.pin);
  await dinas.tid("staff-add").click();
  await dinas.tid("staff-member").waitFor();

  // Signed in, then "Kunci layar": the next person to type the device PIN
  // is not the Kadis.
  await signIn(dinas, kadis);
  await dinas.tid("vault-lock").click();
  await dinas.tid("vault-unlock").waitFor();
  assert.match(await dinas.tid("vault-unlock").textContent(), /Laptop kantor/);
  await dinas.tid("vault-pin").fill(VAULT_PIN);
  await dinas.tid("vault-submit").click();
  await dinas.tid("sign-in").waitFor();
  assert.equal(await dinas.tid("signed-in").count(), 0);

  // A sign-in note written into the tab's sessionStorage (the Kadis's id,
  // read from IndexedDB) signs nobody in after a reload.
  await dinas.page.evaluate(async () => {
    const db = await new Promise((ok) => { const r = indexedDB.open("pandu"); r.onsuccess = () => ok(r.result); });
    const staff = await new Promise((ok) => {
      const r = db.transaction("settings").objectStore("settings").get("staff");
      r.onsuccess = () => ok(r.result.value.list);
    });
    db.close();
    sessionStorage.setItem("pandu.staff", JSON.stringify(staff[0].id));
  });
  await dinas.goto("inbox");
  await dinas.tid("sign-in").waitFor();
  assert.equal(await dinas.tid("signed-in").count(), 0);

  // Another page writes a Kadis of its own: nobody can sign in, the inbox
  // says why, and the forged member is offered nowhere.
  const forger = await outside(laptop);
  const fake = { id: "x", name: "Kadis Palsu", role: "kadis", salt: "00", pin: "00" };
  await forgeSetting(forger, { record: { key: "staff", value: [fake] } });
  await dinas.goto("inbox");
  await dinas.tid("inbox-staff-forged").waitFor();
  assert.equal(await dinas.tid("sign-in").count(), 0);
  assert.equal(await dinas.tid("inbox-no-staff").count(), 0, "not read as an office without staff");

  // Settings shows it for review; a wrong device PIN settles nothing.
  await dinas.goto("settings");
  await dinas.tid("staff-review").waitFor();
  assert.match(await dinas.tid("staff-review-list").textContent(), /Kadis Palsu/);
  assert.equal(await dinas.tid("staff-form").count(), 0);
  await dinas.tid("staff-review-pin").fill("000000");
  await dinas.tid("staff-clear").click();
  await dinas.tid("staff-review-message").waitFor();
  assert.match(await dinas.tid("staff-review-message").textContent(), /PIN salah/);
  await dinas.tid("staff-review-pin").fill(VAULT_PIN);
  await dinas.tid("staff-clear").click();
  await dinas.tid("staff-form").waitFor();
  assert.equal(await dinas.tid("staff-member").count(), 0);
  await dinas.page.waitForSelector("[data-testid=staff-log-entry][data-action=cleared]");

  // Deleted instead: missing is not "no staff" either.
  await forgeSetting(forger, { key: "staff" });
  await dinas.goto("settings");
  await dinas.tid("staff-review-missing").waitFor();
  await dinas.goto("inbox");
  await dinas.tid("inbox-staff-forged").waitFor();
  dinas.assertNoConsoleErrors();
  await laptop.close();
});
