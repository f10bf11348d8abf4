// After the hand-over, as a village officer lives it: the Purwakarta
// office (a Kasi and a Pelaksana signed in by PIN) approves one case of a
// village, returns one with a reason and rejects one; the village imports
// the answers offline and its list shows three different answers with the
// returned one first; the officer retakes the KK photo and sends the same
// case again; the office finds the new photo on the same case, back in the
// Kasi's inbox, the lane that returned it. Another village, answered in
// between, is warned of no gap. A draft started by mistake is discarded
// and restored.
import { test } from "node:test";
import assert from "node:assert/strict";
import { testEnvironment, Pandu, PHONE } from "./pandu.mjs";
import { download, waitSaved, step, snap, photo, text, fillApplicant, makeOffice, signIn } from "./flows.mjs";

const env = testEnvironment();

const KASI = { name: "Bu Kasi", role: "kasi", pin: "1111" };
const PELAKSANA = { name: "Pak Pelaksana", role: "pelaksana", pin: "2222" };

const CASES = [
  { full_name: "Ani Lestari", nik: "3214014101900002", answer: "accepted" },
  { full_name: "Budi Santoso", nik: "3214010101900003", answer: "returned", reason: "Foto KK tidak terbaca, mohon foto ulang" },
  { full_name: "Citra Dewi", nik: "3214014202900004", answer: "rejected", reason: "Sudah terdaftar sebagai peserta PBPU" },
];

/** A village phone that trusts the office, offline after set-up; returns its device card. */
async function villagePhone(config, { device, officer, village }) {
  const context = await env.browser.newContext({ ...PHONE, acceptDownloads: true });
  const app = await Pandu.open(context, env.server, "/pandu/", "settings");
  await app.offlineReady();
  await app.saveProfile({ device, officer, village });
  await app.tid("profile-saved").waitFor();
  await app.tid("district-file").setInputFiles({ name: config.name, mimeType: "application/json", buffer: config.buffer });
  await app.tid("district-trust").click();
  await app.tid("district-name").waitFor();
  const card = await download(app, "device-card");
  await context.setOffline(true);
  return { context, app, card };
}

/** The village's part of a Purwakarta case: the applicant, three photos, the letter brought. */
async function villageCase(app, person) {
  await app.goto("");
  await app.tid("new-case").click();
  await app.tid("start-enrolment").click();
  await app.tid("applicant").waitFor();
  await fillApplicant(app, { full_name: person.full_name, nik: person.nik, kk: "3214010101200001" });
  await waitSaved(app);
  for (const doc of ["cover_letter", "ktp", "kk"]) await snap(app, doc);
  await step(app, "bring_letter", () => app.tid("complete-step").click());
  await waitSaved(app);
}

async function sendAll(app) {
  await app.goto("send");
  await app.tid("send-case").first().waitFor();
  await app.tid("send-make").click();
  await app.tid("bundle-made").waitFor();
  return download(app, "bundle-download");
}

async function importFile(app, file) {
  await app.goto("receive");
  await app.tid("receive-file").setInputFiles({ name: file.name, mimeType: "application/octet-stream", buffer: file.buffer });
}

/** Imports a bundle from a device not enrolled yet, then approves its card. */
async function enrolAndImport(dinas, bundle, card) {
  await importFile(dinas, bundle);
  await dinas.tid("import-quarantined").waitFor();
  await dinas.goto("devices");
  await dinas.tid("device-card-file").setInputFiles({ name: card.name, mimeType: "application/json", buffer: card.buffer });
  // The row is drawn again once its waiting bundle is counted: approve after that.
  const pending = dinas.page.locator("[data-testid=device-row][data-standing=pending]", { hasText: "1 paket menunggu" });
  await pending.waitFor();
  await pending.getByTestId("device-approve").click();
  await dinas.tid("import-report").or(dinas.tid("devices-message")).first().waitFor();
  if (!(await dinas.tid("import-report").count())) {
    await dinas.page.screenshot({ path: "/tmp/enrol-fail.png", fullPage: true });
    assert.fail(await dinas.page.locator("main").textContent());
  }
}

async function openCase(app, name) {
  await app.goto("");
  await app.page.locator("[data-testid=case-row]", { hasText: name }).locator("a").click();
  await app.tid("case-name").waitFor();
  return app.page.url();
}

test("returned, fixed on the phone and sent again as the same case; every answer at a glance", async () => {
  // ---- The office: Purwakarta, a Kasi (the first member heads the staff) and a Pelaksana ----
  const office = await env.browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 800 } });
  const dinas = await Pandu.open(office, env.server, "/pandu/", "settings");
  await dinas.offlineReady();
  await makeOffice(dinas, { officer: "Admin Dinsos", code: "32.14", pack: "purwakarta" });
  const config = await download(dinas, "office-config");
  await dinas.tid("staff").waitFor();
  for (const [who, head] of [[KASI, undefined], [PELAKSANA, KASI.pin]]) {
    await dinas.tid("staff-name").fill(who.name);
    await dinas.tid("staff-role").selectOption(who.role);
    await dinas.tid("staff-pin").fill(who.pin);
    await dinas.tid("staff-pin-again").fill(who.pin);
    if (head) await dinas.tid("staff-auth-pin").fill(head);
    await dinas.tid("staff-add").click();
    await dinas.page.locator("[data-testid=staff-member]", { hasText: who.name }).waitFor();
  }

  // ---- Two village phones ----
  const sukamaju = await villagePhone(config, { device: "HP Desa Sukamaju", officer: "Siti Aminah", village: "32.14.01.2001" });
  const cibatu = await villagePhone(config, { device: "HP Desa Cibatu", officer: "Rudi Hartono", village: "32.14.02.2002" });
  const desa = sukamaju.app;

  // A draft started by mistake is discarded, leaves the list, and comes back.
  await desa.goto("");
  await desa.tid("new-case").click();
  await desa.tid("start-enrolment").click();
  await desa.tid("applicant").waitFor();
  assert.equal(await text(desa, "case-status"), "Draf");
  await desa.tid("discard-draft").click();
  await desa.tid("discard-yes").click();
  await desa.tid("discarded").waitFor();
  assert.equal(await text(desa, "case-status"), "Draf dibuang");
  await waitSaved(desa);
  const draftUrl = desa.page.url();
  await desa.goto("");
  assert.equal(await desa.tid("case-row").count(), 0, "a discarded draft leaves the working list");
  await desa.page.goto(draftUrl);
  await desa.ready();
  await desa.tid("restore-draft").click();
  await desa.page.waitForFunction(() => document.querySelector("[data-testid=case-status]")?.dataset.standing === "draft");
  await waitSaved(desa);
  await desa.tid("discard-draft").click();
  await desa.tid("discard-yes").click();
  await desa.tid("discarded").waitFor();
  await waitSaved(desa);

  for (const person of CASES) await villageCase(desa, person);
  await desa.goto("");
  assert.equal(await desa.tid("home-attention").getAttribute("data-count"), "3");
  assert.match(await text(desa, "home-attention"), /3 siap dikirim/);
  const first = await sendAll(desa);
  await villageCase(cibatu.app, { full_name: "Dewi Sartika", nik: "3214024303900005" });
  const fromCibatu = await sendAll(cibatu.app);

  // ---- The office imports both (enrolling is done by a signed-in member), then works Sukamaju's three cases ----
  await signIn(dinas, KASI);
  await enrolAndImport(dinas, first, sukamaju.card);
  assert.equal(await text(dinas, "import-new"), "3");
  await enrolAndImport(dinas, fromCibatu, cibatu.card);
  assert.equal(await text(dinas, "import-new"), "1");

  const urls = {};
  for (const person of CASES) {
    urls[person.full_name] = await openCase(dinas, person.full_name);
    await step(dinas, "check_bdt", () => dinas.tid("complete-step").click());
    await step(dinas, "in_bdt", () => dinas.tid("answer-yes").click());
    await step(dinas, "admin_complete", () => dinas.tid("answer-yes").click());
    await step(dinas, "declare_bdt", () => dinas.tid("complete-step").click());
    await waitSaved(dinas);
  }
  await signIn(dinas, PELAKSANA);
  for (const person of CASES) {
    await dinas.page.goto(urls[person.full_name]);
    await dinas.ready();
    await step(dinas, "propose", () => dinas.tid("complete-step").click());
    await snap(dinas, "photo");
    await step(dinas, "documentation", () => dinas.tid("complete-step").click());
    await waitSaved(dinas);
  }
  // The Pelaksana approves and rejects; the Kasi returns.
  const answer = async ({ full_name, answer, reason }) => {
    await dinas.page.goto(urls[full_name]);
    await dinas.ready();
    await dinas.tid("answer-form").waitFor();
    await dinas.tid(`answer-${answer}`).check();
    if (reason) await dinas.tid("answer-reason").fill(reason);
    await dinas.tid("answer-save").click();
    await dinas.page.waitForSelector(`[data-testid=case-answer][data-state=${answer}]`);
    await waitSaved(dinas);
  };
  await answer(CASES[0]);
  await answer(CASES[2]);
  await signIn(dinas, KASI);
  await answer(CASES[1]);

  // Answers to Sukamaju first, then Cibatu's receipt.
  const answersFor = async (device) => {
    await dinas.goto("send");
    await dinas.page.locator("[data-testid=answer-peer]", { hasText: device }).getByTestId("answers-make").click();
    await dinas.tid("bundle-made").waitFor();
    return download(dinas, "bundle-download");
  };
  const toSukamaju = await answersFor("HP Desa Sukamaju");
  const toCibatu = await answersFor("HP Desa Cibatu");

  // ---- Cibatu: its own bundles only, so no gap ----
  await importFile(cibatu.app, toCibatu);
  await cibatu.app.tid("import-report").waitFor();
  assert.equal(await cibatu.app.tid("import-warning").count(), 0, "no warning about bundles meant for another village");

  // ---- Sukamaju: three answers at a glance, the returned one first ----
  await importFile(desa, toSukamaju);
  await desa.tid("import-report").waitFor();
  assert.equal(await desa.tid("import-warning").count(), 0);
  await desa.goto("");
  await desa.page.waitForFunction(() => document.querySelectorAll("[data-testid=case-row]").length === 3);
  const rows = await desa.page.locator("[data-testid=case-row]").evaluateAll((rs) =>
    rs.map((r) => ({ standing: r.dataset.standing, text: r.textContent })),
  );
  assert.deepEqual(rows.map((r) => r.standing), ["returned", "rejected", "accepted"]);
  assert.match(rows[0].text, /Budi Santoso/);
  assert.match(rows[0].text, /Dikembalikan: perlu diperbaiki/);
  assert.match(rows[0].text, /Foto KK tidak terbaca/);
  assert.match(rows[1].text, /Ditolak/);
  assert.match(rows[1].text, /PBPU/);
  assert.match(rows[2].text, /Disetujui/);
  assert.equal(await desa.tid("home-attention").getAttribute("data-count"), "1");
  assert.match(await text(desa, "home-attention"), /1 dikembalikan Dinas/);
  await desa.assertFitsPhone("the case list with answers");
  await desa.assertAccessible("the case list with answers");

  // The returned case opens on what the office asked for; the list and the page agree.
  await desa.page.locator("[data-testid=case-row]", { hasText: "Budi Santoso" }).locator("a").click();
  await desa.tid("returned-fix").waitFor();
  assert.equal(await desa.tid("returned-fix").getAttribute("data-fixed"), "false");
  assert.equal(await text(desa, "case-status"), "Dikembalikan: perlu diperbaiki");
  assert.match(await text(desa, "case-answer-reason"), /Foto KK tidak terbaca/);
  assert.equal(await desa.tid("returned-send").count(), 0, "nothing to send before a fix");
  await desa.assertFitsPhone("a returned case");
  await desa.assertAccessible("a returned case");
  const kkBefore = await desa.page.locator("[data-testid=returned-fix] [data-testid=doc-kk] img").count();
  await desa.tid("photo-kk").setInputFiles(await photo(desa, "KK 3214010101200001 TERBACA"));
  await desa.page.waitForFunction((n) => document.querySelectorAll("[data-testid=returned-fix] [data-testid=doc-kk] img").length === n + 1, kkBefore);
  await desa.page.waitForSelector("[data-testid=returned-fix][data-fixed=true]");
  assert.equal(await text(desa, "case-status"), "Sudah diperbaiki, siap dikirim ulang");
  await waitSaved(desa);
  await desa.tid("timeline").locator("summary").click();
  await desa.tid("timeline-event").first().waitFor();
  assert.match(await desa.tid("timeline").textContent(), /Dikembalikan ke desa \(Foto KK tidak terbaca/, "the answer stays in the history");
  await desa.tid("returned-send").click();
  await desa.page.waitForURL(/\/send$/);
  await desa.passVault();
  await desa.tid("send-case").first().waitFor();
  assert.equal(await desa.tid("send-case").count(), 1, "only the fixed case is ready to send");
  await desa.tid("send-make").click();
  await desa.tid("bundle-made").waitFor();
  const again = await download(desa, "bundle-download");
  await desa.goto("");
  await desa.page.waitForSelector("[data-testid=case-row][data-standing=sent]");

  // ---- The office: the same case, the new photo, back in the Kasi's inbox ----
  await importFile(dinas, again);
  await dinas.tid("import-report").waitFor();
  assert.equal(await text(dinas, "import-new"), "0");
  assert.equal(await text(dinas, "import-updated"), "1");
  await signIn(dinas, KASI);
  await dinas.page.waitForSelector("[data-testid=inbox-row]");
  // The Kasi's lane: Budi back from Sukamaju, and Cibatu's case at its first check.
  const inbox = await dinas.tid("inbox-row").allTextContents();
  assert.equal(inbox.length, 2);
  assert.ok(inbox.some((r) => /Budi Santoso/.test(r)) && inbox.some((r) => /Dewi Sartika/.test(r)), inbox.join(" | "));
  await dinas.page.locator("[data-testid=inbox-row]", { hasText: "Budi Santoso" }).locator("a").click();
  await dinas.tid("case-name").waitFor();
  assert.equal(dinas.page.url(), urls["Budi Santoso"], "the same case");
  await dinas.page.waitForFunction(() => document.querySelectorAll("[data-testid=case-doc-kk] img").length === 2);
  await dinas.tid("answer-form").waitFor();
  await signIn(dinas, PELAKSANA);
  await dinas.page.waitForSelector("[data-testid=inbox-empty]");
  assert.equal(await dinas.tid("inbox-row").count(), 0, "the Pelaksana did not return it: not in that lane");

  desa.assertNoConsoleErrors();
  dinas.assertNoConsoleErrors();
  await sukamaju.context.close();
  await cibatu.context.close();
  await office.close();
});

test("a config from another regency is flagged, a wrong file is named, an unknown village code refused", async () => {
  const office = await env.browser.newContext({ acceptDownloads: true });
  const dinas = await Pandu.open(office, env.server, "/pandu/", "settings");
  await makeOffice(dinas, { code: "32.14", pack: "purwakarta" });
  const config = await download(dinas, "office-config");
  await office.close();

  const context = await env.browser.newContext(PHONE);
  const app = await Pandu.open(context, env.server, "/pandu/", "settings");
  // 99.99.99.9999 is ten digits but no village: refused in words.
  await app.saveProfile({ device: "HP Kelurahan", officer: "Rina", village: "99.99.99.9999" });
  await app.tid("profile-problems").waitFor();
  assert.match(await text(app, "profile-problems"), /tidak dikenal/);
  await app.saveProfile({ device: "HP Kelurahan", officer: "Rina", village: "16.71.01.1001" });
  await app.tid("profile-saved").waitFor();
  // Not a config at all: the words name the config file.
  await app.tid("district-file").setInputFiles({ name: "foto.jpg", mimeType: "image/jpeg", buffer: Buffer.from("not a config") });
  await app.page.waitForFunction(() => /bukan konfigurasi Dinas/.test(document.querySelector("main").textContent));
  assert.doesNotMatch(await app.page.locator("main").textContent(), /berakhiran \.pandu/);
  // Palembang's kelurahan offered Purwakarta's config: warned before trusting.
  await app.tid("district-file").setInputFiles({ name: config.name, mimeType: "application/json", buffer: config.buffer });
  await app.tid("district-candidate").waitFor();
  await app.tid("district-outside").waitFor();
  assert.match(await text(app, "district-outside"), /di luar wilayah Dinas ini \(16\.71\.01\.1001, 32\.14\)/);
  await app.tid("district-trust").click();
  await app.tid("district-name").waitFor();
  // And when the profile changes while that office is trusted.
  await app.saveProfile({ device: "HP Kelurahan", officer: "Rina", village: "16.71.01.1002" });
  await app.tid("profile-outside").waitFor();
  await app.saveProfile({ device: "HP Kelurahan", officer: "Rina", village: "32.14.01.2001" });
  await app.tid("profile-saved").waitFor();
  await app.page.waitForFunction(() => !document.querySelector("[data-testid=profile-outside]"));
  app.assertNoConsoleErrors();
  await context.close();
});
