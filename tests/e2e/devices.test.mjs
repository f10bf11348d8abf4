// Enrolling a village device at the office (Perangkat): what the device
// sent before its approval waits aside, and approving opens it. The
// approval counts even when clicked the instant the page shows after the
// PIN (the signed-in member and the procedures are known by then, not
// read a moment later). A bundle still waiting from an enrolled device
// (kept back by a storage problem, or left by an older Pandu that enrolled
// without opening it) opens from its row, by a signed-in member only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { testEnvironment, Pandu, VAULT_PIN } from "./pandu.mjs";
import { download, makeOffice, addStaffMember, sendFromVillage, sendAnother, signIn, text } from "./flows.mjs";

const env = testEnvironment();

const KADIS = { name: "Bu Kadis", role: "kadis", pin: "4444" };
const JATEN = { device: "HP Jaten", officer: "Sri Wahyuni", code: "33.13.01.2001", village: "Jaten", district: "Jaten" };

/** The office's inbox store as IndexedDB holds it: `write`, if given,
 * is put first (a record whose `file` is given as a byte array). */
async function inbox(page, write) {
  return page.evaluate(async (write) => {
    const db = await new Promise((ok, ko) => {
      const r = indexedDB.open("pandu");
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    const tx = db.transaction("inbox", write ? "readwrite" : "readonly");
    if (write) tx.objectStore("inbox").put({ ...write, file: new Uint8Array(write.file) });
    const all = await new Promise((ok, ko) => {
      const r = tx.objectStore("inbox").getAll();
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    await new Promise((ok) => { tx.oncomplete = ok; });
    db.close();
    return all.map(({ file, ...rest }) => rest);
  }, write ?? null);
}

const row = (app) => app.tid("device-row");

test("approving a device the instant its page opens imports what it sent; a bundle left waiting opens from its row, for a signed-in member only", async () => {
  const laptop = await env.browser.newContext({ acceptDownloads: true });
  const dinas = await Pandu.open(laptop, env.server, "/pandu/", "settings");
  await makeOffice(dinas, { code: "33.13", pack: "karanganyar" });
  const config = await download(dinas, "office-config");
  await addStaffMember(dinas, KADIS);

  const phone = await sendFromVillage(env, config, { ...JATEN, nik: "3313014101900002", keep: true });
  const second = await sendAnother(phone.desa, { ...JATEN, full_name: "Paiman", nik: "3313021505800003", kk: "3313020101200002", sex: "male", birth_date: "1980-05-15" });
  await phone.context.close();

  // The first bundle comes before the device's card: it waits aside.
  await dinas.goto("receive");
  await dinas.tid("receive-file").setInputFiles({ name: phone.bundle.name, mimeType: "application/octet-stream", buffer: phone.bundle.buffer });
  await dinas.tid("import-quarantined").waitFor();
  const [waiting] = await inbox(dinas.page);
  await dinas.goto("devices");
  await dinas.tid("device-card-file").setInputFiles({ name: phone.card.name, mimeType: "application/json", buffer: phone.card.buffer });
  await dinas.page.locator("[data-testid=device-row][data-standing=pending]", { hasText: "1 paket menunggu" }).waitFor();

  // A reload locks the laptop; the Kadis stays signed in in this tab. The
  // approve button is clicked the moment it can be, right after the PIN.
  await dinas.page.goto(dinas.url("devices"));
  await dinas.tid("vault-unlock").waitFor();
  await dinas.page.evaluate(() => {
    const observer = new MutationObserver(() => {
      const button = document.querySelector("[data-testid=device-approve]");
      if (button && !button.disabled) {
        observer.disconnect();
        button.click();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await dinas.tid("vault-pin").fill(VAULT_PIN);
  await dinas.tid("vault-submit").click();
  await dinas.tid("import-report").or(dinas.tid("devices-message")).first().waitFor();
  assert.equal(await dinas.tid("devices-message").count(), 0, "the signed-in Kadis is not told to sign in");
  assert.equal(await text(dinas, "import-new"), "1");
  await dinas.page.waitForSelector("[data-testid=device-row][data-standing=enrolled]");
  assert.doesNotMatch(await row(dinas).textContent(), /menunggu/);
  assert.equal(await dinas.tid("device-open-waiting").count(), 0);
  assert.deepEqual(await inbox(dinas.page), [], "nothing is left waiting");

  // The second bundle waits for the enrolled device, as an older Pandu
  // left such bundles (approved while its procedures were still loading).
  await inbox(dinas.page, { ...waiting, id: `${waiting.id}-2`, received_at: waiting.received_at + 1, file: [...second.buffer] });
  await dinas.goto("devices");
  await dinas.page.locator("[data-testid=device-row][data-standing=enrolled]", { hasText: "1 paket menunggu" }).waitFor();
  const open = dinas.tid("device-open-waiting");
  assert.equal(await open.textContent(), "Buka paket yang menunggu");

  // Nobody signed in: refused in words, and the bundle still waits.
  await dinas.goto("inbox");
  await dinas.tid("sign-out").click();
  await dinas.tid("sign-in-who").waitFor();
  await dinas.goto("devices");
  await open.click();
  assert.match(await text(dinas, "devices-message"), /Masuk sebagai staf/);
  assert.equal(await dinas.tid("import-report").count(), 0);
  assert.equal((await inbox(dinas.page)).length, 1, "the bundle still waits");

  // The Kadis signs in and opens it.
  await signIn(dinas, KADIS);
  await dinas.goto("devices");
  await open.click();
  await dinas.tid("import-report").waitFor();
  assert.equal(await text(dinas, "import-new"), "1");
  assert.equal(await dinas.tid("devices-message").count(), 0);
  await dinas.page.waitForFunction(() => !/menunggu/.test(document.querySelector("[data-testid=device-row]")?.textContent ?? "menunggu"));
  assert.equal(await open.count(), 0);
  assert.deepEqual(await inbox(dinas.page), []);
  await dinas.goto("");
  await dinas.tid("case-row").nth(1).waitFor();
  assert.equal(await dinas.tid("case-row").count(), 2, "both cases reached the office");
  await dinas.assertAccessible("the devices page");
  dinas.assertNoConsoleErrors();
  await laptop.close();
});
