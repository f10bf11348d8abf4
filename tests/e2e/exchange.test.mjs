// Handing cases over without a server: the district office sets up its
// keys and gives the village its config; a village phone (offline) finishes
// a case and exports a signed, encrypted bundle; the office imports it
// (quarantined until the device is approved, a replay and a damaged copy
// refused), answers, and the village imports the answer, which its case
// and timeline show. A config the regency publishes beside its packs is
// offered, not trusted by itself; a revoked device is refused. The
// office's key backup restores on another laptop.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { testEnvironment, Pandu, PHONE } from "./pandu.mjs";
import { download, waitSaved, step, mark, scanQr, manifestOf, photo, snap, text, fillApplicant } from "./flows.mjs";

const env = testEnvironment();


test("a case travels village -> district -> village as signed, encrypted files", async () => {
  // ---- The district office sets up (a laptop) ----
  const office = await env.browser.newContext({ acceptDownloads: true });
  const dinas = await Pandu.open(office, env.server, "/pandu/", "settings");
  await dinas.offlineReady();
  await dinas.toOffice();
  await dinas.saveProfile({ device: "Laptop Dinsos", officer: "Pak Operator", village: "" });
  await dinas.tid("profile-saved").waitFor();
  await dinas.tid("office-create").locator("summary").click();
  await dinas.tid("office-code").fill("32.14");
  await dinas.tid("office-pack").selectOption("purwakarta");
  await dinas.tid("office-make").click();
  await dinas.tid("office-fingerprint").waitFor();
  const officeFingerprint = await text(dinas, "office-fingerprint");
  assert.match(officeFingerprint, /^\d{5}( \d{5}){5}$/);
  assert.match(await text(dinas, "backup-warning"), /tidak bisa dibuka lagi/);
  const config = await download(dinas, "office-config");
  assert.equal(config.name, "pandu-dinas-3214.json");
  await dinas.assertAccessible("settings in district mode");

  // A regency may publish the config beside its packs: a phone is offered
  // it with the fingerprint to compare, and trusts it only when told.
  const published = await env.browser.newContext({ ...PHONE, serviceWorkers: "block" });
  await published.route("**/packs/index.json", async (route) => {
    const response = await route.fetch();
    const index = await response.json();
    await route.fulfill({ response, json: { ...index, district: "dinas-3214.json" } });
  });
  await published.route("**/packs/dinas-3214.json", (route) =>
    route.fulfill({ contentType: "application/json", body: config.buffer }),
  );
  const neighbour = await Pandu.open(published, env.server, "/pandu/", "settings");
  await neighbour.tid("district-candidate").waitFor();
  assert.match(await neighbour.tid("district-candidate").textContent(), new RegExp(officeFingerprint));
  assert.equal(await neighbour.tid("district-none").count(), 1, "offered, not yet trusted");
  await neighbour.tid("district-trust").click();
  await neighbour.tid("district-name").waitFor();
  assert.equal(await text(neighbour, "district-fingerprint"), officeFingerprint);
  neighbour.assertNoConsoleErrors();
  await published.close();

  // ---- The village phone trusts the district, then loses its signal ----
  const phone = await env.browser.newContext({ ...PHONE, acceptDownloads: true });
  const desa = await Pandu.open(phone, env.server, "/pandu/", "settings");
  await desa.offlineReady();
  await desa.saveProfile({ device: "HP Desa Sukamaju", officer: "Siti Aminah", village: "32.14.01.2001" });
  await desa.tid("profile-saved").waitFor();
  await desa.tid("district-none").waitFor();
  await desa.tid("district-file").setInputFiles({ name: config.name, mimeType: "application/json", buffer: config.buffer });
  await desa.tid("district-candidate").waitFor();
  assert.match(await desa.tid("district-candidate").textContent(), new RegExp(officeFingerprint));
  await desa.tid("district-trust").click();
  await desa.tid("district-name").waitFor();
  assert.equal(await text(desa, "district-fingerprint"), officeFingerprint);
  const villageFingerprint = await text(desa, "device-fingerprint");
  const card = await download(desa, "device-card");
  assert.match(card.name, /^pandu-perangkat-3214012001-[0-9a-f]{8}\.json$/);
  // The same card as a QR code, read back by a real decoder.
  await desa.tid("device-qr-show").click();
  await desa.tid("device-qr").waitFor();
  const scanned = await scanQr(desa, "[data-testid=device-qr] svg");
  assert.ok(scanned, "the QR code decodes");
  assert.deepEqual(manifestOf(scanned).sender.keys, manifestOf(card.buffer.toString()).sender.keys);
  assert.equal(manifestOf(scanned).kind, "device_card");
  await desa.assertAccessible("settings on a village phone");
  await desa.assertFitsPhone("settings on a village phone");
  await phone.setOffline(true);
  // Opened straight from its address, while storage is still opening,
  // the new-case page shows the trusted district's procedures, not a
  // choice of regencies.
  await desa.goto("cases/new");
  await desa.tid("new-case-district").waitFor();
  assert.equal(await desa.tid("new-case-regency").count(), 0);

  // The village's part of a case, with its photos (Purwakarta's SOP
  // requires them).
  await desa.goto("procedures");
  await desa.tid("regency").selectOption("purwakarta");
  await desa.goto("");
  await desa.tid("new-case").click();
  await desa.tid("start-enrolment").click();
  await desa.tid("applicant").waitFor();
  await fillApplicant(desa, { full_name: "Siti Aminah", nik: "3214014101900002", kk: "3214010101200001", sex: "female" });
  await waitSaved(desa);
  await desa.tid("photo-ktp").setInputFiles(await photo(desa));
  await desa.page.waitForSelector("[data-testid=doc-ktp][data-state=doc-present] img");
  await snap(desa, "cover_letter");
  await snap(desa, "kk");
  await step(desa, "bring_letter", () => desa.tid("complete-step").click());
  // The Kasi's step is the district's: the phone offers Send, not the step.
  await desa.page.waitForSelector("[data-testid=village-done][data-node=check_bdt]");
  assert.equal(await desa.tid("complete-step").count(), 0);
  await waitSaved(desa);
  const caseUrl = desa.page.url();

  // ---- Export: the finished case, chosen by default ----
  await desa.tid("nav-send").click();
  await desa.page.waitForURL(/\/send$/);
  await desa.passVault();
  await desa.tid("send-case").first().waitFor();
  assert.equal(await desa.tid("send-case").count(), 1);
  assert.ok(await desa.tid("send-case").isChecked());
  await desa.tid("send-make").click();
  await desa.tid("bundle-made").waitFor();
  const bundle = await download(desa, "bundle-download");
  assert.match(bundle.name, /^pandu-3214012001-\d{4}-\d{2}-\d{2}-001\.pandu$/);
  assert.equal(bundle.buffer.subarray(0, 22).toString(), "age-encryption.org/v1\n");
  assert.ok(!bundle.buffer.includes("3214014101900002"), "the NIK is not readable in the file");
  await desa.assertAccessible("the send page");
  await desa.page.goto(caseUrl);
  await desa.ready();
  assert.equal(await text(desa, "case-status"), "Terkirim, menunggu Dinas");

  // ---- Import at the district ----
  // A file that is not a bundle, and a damaged copy: refused in words.
  await dinas.goto("receive");
  await dinas.tid("receive-file").setInputFiles({ name: "foto.jpg", mimeType: "image/jpeg", buffer: Buffer.from("not a bundle") });
  await dinas.tid("import-refused").waitFor();
  assert.match(await dinas.tid("import-refused").textContent(), /bukan paket Pandu/);
  const damaged = Buffer.from(bundle.buffer);
  damaged[damaged.length - 40] ^= 1;
  await dinas.tid("receive-file").setInputFiles({ name: bundle.name, mimeType: "application/octet-stream", buffer: damaged });
  await dinas.page.waitForFunction(() => /rusak/.test(document.querySelector("[data-testid=import-refused]")?.textContent ?? ""));

  // The device is not enrolled yet: the bundle waits aside.
  await dinas.tid("receive-file").setInputFiles({ name: bundle.name, mimeType: "application/octet-stream", buffer: bundle.buffer });
  await dinas.tid("import-quarantined").waitFor();
  assert.equal(await text(dinas, "quarantine-fingerprint"), villageFingerprint);
  await dinas.assertAccessible("a quarantined bundle");

  // Its card arrives too; approving after the phone call imports what waited.
  await dinas.goto("devices");
  await dinas.tid("device-card-file").setInputFiles({ name: card.name, mimeType: "application/json", buffer: card.buffer });
  await dinas.page.waitForSelector("[data-testid=device-row][data-standing=pending]");
  assert.match(await dinas.tid("device-row").textContent(), /1 paket menunggu/);
  await dinas.tid("device-approve").click();
  await dinas.tid("import-report").waitFor();
  assert.equal(await text(dinas, "import-new"), "1");
  await dinas.page.waitForSelector("[data-testid=device-row][data-standing=enrolled]");
  await dinas.assertAccessible("the devices page");

  // The same bundle again: a replay, nothing written.
  await dinas.goto("receive");
  await dinas.tid("receive-file").setInputFiles({ name: bundle.name, mimeType: "application/octet-stream", buffer: bundle.buffer });
  await dinas.tid("import-refused").waitFor();
  assert.match(await dinas.tid("import-refused").textContent(), /sudah pernah diimpor/);

  // ---- The office works its lanes, then answers ----
  await dinas.goto("");
  await dinas.tid("case-row").first().locator("a").click();
  // The photo came along.
  await dinas.page.waitForSelector("[data-testid=case-doc-ktp] img");
  assert.equal(await dinas.tid("case-answer").getAttribute("data-state"), "received");
  // No answer before the case reaches the end of its procedure.
  await dinas.tid("answer-closed").waitFor();
  assert.match(await text(dinas, "answer-closed-why"), /akhir prosedur/);
  assert.equal(await dinas.tid("answer-form").count(), 0);
  await step(dinas, "check_bdt", () => dinas.tid("complete-step").click());
  await step(dinas, "in_bdt", () => dinas.tid("answer-yes").click());
  await step(dinas, "admin_complete", () => dinas.tid("answer-yes").click());
  await step(dinas, "declare_bdt", () => dinas.tid("complete-step").click());
  await step(dinas, "propose", () => dinas.tid("complete-step").click());
  await snap(dinas, "photo");
  await step(dinas, "documentation", () => dinas.tid("complete-step").click());
  await dinas.tid("answer-form").waitFor();
  assert.equal(await dinas.page.locator("[data-testid=answer-form] input:checked").count(), 0, "no answer preselected");
  await dinas.tid("answer-rejected").check();
  await dinas.tid("answer-save").click();
  await dinas.page.waitForSelector("[data-testid=answer-form] [role=alert]");
  await dinas.tid("answer-reason").fill("Sudah terdaftar sebagai peserta PBPU");
  await dinas.tid("answer-save").click();
  await dinas.page.waitForSelector("[data-testid=case-answer][data-state=rejected]");
  await waitSaved(dinas);
  await dinas.goto("send");
  await dinas.tid("answer-peer").waitFor();
  await dinas.tid("answers-make").click();
  await dinas.tid("bundle-made").waitFor();
  const answer = await download(dinas, "bundle-download");
  assert.match(answer.name, /^pandu-jawaban-3214012001-.*\.pandu$/);

  // ---- The village imports the answer (still offline) ----
  await desa.goto("receive");
  await desa.tid("receive-file").setInputFiles({ name: answer.name, mimeType: "application/octet-stream", buffer: answer.buffer });
  await desa.tid("import-report").waitFor();
  assert.equal(await text(desa, "import-updated"), "1");
  await desa.assertAccessible("an import report on the phone");
  await desa.page.goto(caseUrl);
  await desa.ready();
  await desa.page.waitForSelector("[data-testid=case-answer][data-state=rejected]");
  assert.match(await text(desa, "case-answer-reason"), /PBPU/);
  assert.equal(await text(desa, "case-status"), "Ditolak");
  await desa.tid("timeline").locator("summary").click();
  await desa.tid("timeline-event").first().waitFor();
  assert.match(await desa.tid("timeline").textContent(), /Jawaban Dinas: Ditolak/);
  await desa.tid("case-archive").click();
  await desa.page.waitForFunction(() => document.querySelector("[data-testid=case-status]")?.textContent.trim() === "Diarsipkan");
  await waitSaved(desa);
  // The district's own answer bundle is not for the district.
  await dinas.goto("receive");
  await dinas.tid("receive-file").setInputFiles({ name: answer.name, mimeType: "application/octet-stream", buffer: answer.buffer });
  await dinas.tid("import-refused").waitFor();

  // A revoked device: its bundles are refused from then on, in words.
  await dinas.goto("devices");
  await dinas.tid("device-revoke").click();
  await dinas.page.waitForSelector("[data-testid=device-row][data-standing=revoked]");
  await dinas.goto("receive");
  await dinas.tid("receive-file").setInputFiles({ name: bundle.name, mimeType: "application/octet-stream", buffer: bundle.buffer });
  await dinas.page.waitForFunction(() => /sudah dicabut/.test(document.querySelector("[data-testid=import-refused]")?.textContent ?? ""));

  // ---- The office keys, backed up and restored on another laptop ----
  await dinas.goto("settings");
  await dinas.tid("backup-pass").fill("kantor dinsos purwakarta");
  await dinas.tid("backup-pass2").fill("kantor dinsos purwakarta");
  const [dl] = await Promise.all([dinas.page.waitForEvent("download", { timeout: 120_000 }), dinas.tid("backup-make").click()]);
  const backup = await readFile(await dl.path());
  assert.equal(dl.suggestedFilename(), "pandu-kunci-dinas-3214.age");
  assert.match(backup.subarray(0, 60).toString(), /-> scrypt /);
  const spare = await env.browser.newContext();
  const other = await Pandu.open(spare, env.server, "/pandu/", "settings");
  await other.toOffice();
  await other.tid("office-create").locator("summary").click();
  await other.tid("restore-file").setInputFiles({ name: "backup.age", mimeType: "application/octet-stream", buffer: backup });
  await other.tid("restore-pass").fill("salah sekali kata sandinya");
  await other.tid("restore-do").click();
  await other.page.waitForFunction(() => /Kata sandi salah/.test(document.querySelector("[data-testid=keys-message]")?.textContent ?? ""), null, { timeout: 120_000 });
  await other.tid("restore-pass").fill("kantor dinsos purwakarta");
  await other.tid("restore-do").click();
  await other.tid("office-fingerprint").waitFor({ timeout: 120_000 });
  assert.equal(await text(other, "office-fingerprint"), officeFingerprint);

  dinas.assertNoConsoleErrors();
  desa.assertNoConsoleErrors();
  other.assertNoConsoleErrors();
  await office.close();
  await phone.close();
  await spare.close();
});
