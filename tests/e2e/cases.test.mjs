// Case capture on a phone with no signal: a case is opened, the applicant
// recorded with inline checks, the SOP walked step by step with document
// photos and decisions, down every branch; nothing typed is lost when the
// page is reloaded or killed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { testEnvironment, Pandu, PHONE } from "./pandu.mjs";
import { download, makeOffice, snap } from "./flows.mjs";

const env = testEnvironment();

/** A phone with the app installed, a profile saved, the regency chosen, and then no signal. */
async function officerOffline(regency) {
  const context = await env.browser.newContext(PHONE);
  const app = await Pandu.open(context, env.server, "/pandu/", "settings");
  await app.offlineReady();
  await app.saveProfile({ device: "HP Desa Sukamaju", officer: "Siti Aminah", village: "32.14.01.2001" });
  await app.tid("profile-saved").waitFor();
  if (regency) {
    await app.goto("procedures");
    await app.tid("regency").selectOption(regency);
  }
  await context.setOffline(true);
  return { context, app };
}

/** Opens a new case of `procedure` from Home, choosing the regency there when given. */
async function newCase(app, procedure, regency) {
  await app.goto("");
  await app.tid("new-case").click();
  if (regency) await app.tid("new-case-regency").selectOption(regency);
  await app.tid(`start-${procedure}`).click();
  await app.tid("applicant").waitFor();
}

/** Types the applicant's details and waits until they are saved. */
async function fillApplicant(app, fields) {
  for (const [field, value] of Object.entries(fields)) {
    const input = app.tid(`f-${field}`);
    if (field === "sex") await input.selectOption(value);
    else await input.fill(value);
  }
  await waitSaved(app);
}

/** Waits until nothing typed is waiting and every write has landed. */
async function waitSaved(app) {
  await app.page.waitForSelector('.save-note[data-state=saved][data-typing="0"]');
}

/** The node the case stands on (a step, a decision) or "end". */
async function where(app) {
  await app.page.waitForSelector("[data-testid=current-step], [data-testid=current-decision], [data-testid=case-ended], [data-testid=village-done], [data-testid=dossier]");
  if (await app.tid("case-ended").count()) return "end";
  if (await app.tid("village-done").count()) return "handed";
  return app.page.locator("[data-testid=current-step], [data-testid=current-decision]").getAttribute("data-node");
}

/** Waits until the case has moved off `node`. */
async function movedFrom(app, node) {
  await app.page.waitForFunction(
    (n) => !document.querySelector(`[data-node="${n}"]`),
    node,
  );
}

async function complete(app, node) {
  assert.equal(await where(app), node);
  await app.tid("complete-step").click();
  await movedFrom(app, node);
}

async function answer(app, node, value, reason) {
  assert.equal(await where(app), node);
  if (reason) await app.tid("decision-reason").fill(reason);
  await app.tid(`answer-${value}`).click();
  await movedFrom(app, node);
}

async function mark(app, doc, present) {
  await app.tid(`${present ? "present" : "missing"}-${doc}`).click();
  await app.page.waitForSelector(`[data-testid=doc-${doc}][data-state=${present ? "doc-present" : "doc-missing"}]`);
}

/** A 2400 x 1800 photo-like PNG made by the browser, as a picked file. */
async function testPhoto(app) {
  const base64 = await app.page.evaluate(() => {
    const c = document.createElement("canvas");
    c.width = 2400;
    c.height = 1800;
    const ctx = c.getContext("2d");
    const img = ctx.createImageData(c.width, c.height);
    let seed = 11;
    for (let i = 0; i < img.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const grain = (seed >>> 16) % 40;
      const p = i / 4;
      img.data[i] = ((p % c.width) * 255) / c.width + grain;
      img.data[i + 1] = (Math.floor(p / c.width) * 255) / c.height + grain;
      img.data[i + 2] = 120 + grain;
      img.data[i + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
    return c.toDataURL("image/png").split(",")[1];
  });
  return { name: "ktp.png", mimeType: "image/png", buffer: Buffer.from(base64, "base64") };
}

const ADULT = { full_name: "Siti Aminah", nik: "3214014101900002", kk: "3214010101200001", sex: "female", rt: "003", rw: "002", village: "Sukamaju", district: "Purwakarta", phone: "081234567890" };

/** On a village phone the district's node is shown, never offered: the
 * village's part is done, the case waits on `node` and can be sent. */
async function handedOver(app, node, role) {
  await app.page.waitForSelector(`[data-testid=village-done][data-node=${node}]`);
  assert.match(await app.tid("village-done").textContent(), /Bagian desa selesai/);
  assert.match(await app.tid("waits-on").textContent(), role);
  assert.equal(await app.tid("complete-step").count(), 0, "no district step is actionable on the phone");
  assert.equal(await app.tid("current-decision").count(), 0, "no district decision either");
  assert.equal(await app.tid("step-late").count(), 0, "the district's clock is not the village's lateness");
  await waitSaved(app);
  assert.equal((await app.tid("case-status").textContent()).trim(), "Siap dikirim");
  await app.tid("village-send").waitFor();
}

test("Purwakarta on a village phone: the village's part with photos, then the district's steps are shown, not offered", async () => {
  const { context, app } = await officerOffline("purwakarta");
  await newCase(app, "enrolment");
  await fillApplicant(app, ADULT);
  assert.equal((await app.tid("case-name").textContent()).trim(), "Siti Aminah");

  // The first step's checklist: the KTP photographed.
  assert.equal(await where(app), "bring_letter");
  assert.match(await app.tid("step-actor").textContent(), /Pemohon/);
  assert.equal(await app.tid("doc-akte").count(), 0, "an adult needs no birth certificate");
  const big = await testPhoto(app);
  assert.ok(big.buffer.length > 400 * 1024, `test photo is ${big.buffer.length} bytes`);
  await app.tid("photo-ktp").setInputFiles(big);
  await app.page.waitForSelector("[data-testid=doc-ktp][data-state=doc-present] img");
  // Not every document checked yet: the step cannot be completed.
  await app.tid("complete-step").click();
  await app.tid("step-blocked").waitFor();
  assert.match(await app.tid("step-blocked").textContent(), /Cek dulu dokumen ini/);
  // Purwakarta's SOP: "Harus ada Berkas dan Dokumen/Foto": seen without a
  // photo is not enough.
  await mark(app, "cover_letter", true);
  await mark(app, "kk", true);
  await app.tid("complete-step").click();
  await app.page.waitForFunction(() => /wajib.*foto/i.test(document.querySelector("[data-testid=step-blocked]")?.textContent ?? ""));
  assert.equal(await where(app), "bring_letter", "nothing recorded");
  await snap(app, "cover_letter");
  await snap(app, "kk");
  await app.assertAccessible("a step with its checklist");
  await app.assertFitsPhone("a step with its checklist");
  await complete(app, "bring_letter");

  // The stored KTP photo is a JPEG of at most 200 KB and 1600 px.
  const stored = await app.page.evaluate(async () => {
    const db = await new Promise((ok, ko) => {
      const r = indexedDB.open("pandu");
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    const rows = await new Promise((ok) => {
      const r = db.transaction("attachments").objectStore("attachments").getAll();
      r.onsuccess = () => ok(r.result);
    });
    db.close();
    const out = [];
    for (const row of rows) {
      const bitmap = await createImageBitmap(row.blob);
      out.push({ size: row.blob.size, type: row.blob.type, w: bitmap.width, h: bitmap.height, document: row.document });
    }
    return out;
  });
  assert.equal(stored.length, 3);
  const ktp = stored.find((s) => s.document === "ktp");
  assert.equal(ktp.type, "image/jpeg");
  assert.ok(ktp.size <= 200 * 1024, `stored photo is ${ktp.size} bytes`);
  assert.deepEqual([ktp.w, ktp.h], [1600, 1200]);

  // The Kasi's BDT check is the district's: shown, with who it waits on.
  await handedOver(app, "check_bdt", /Kasi/);
  await app.assertAccessible("a case whose village part is done");
  await app.assertFitsPhone("a case whose village part is done");

  // The history keeps who did what; the list shows the case ready to send.
  await app.tid("timeline").locator("summary").click();
  await app.tid("timeline-event").first().waitFor();
  assert.ok((await app.tid("timeline-event").count()) >= 10);
  assert.match(await app.tid("timeline").textContent(), /Siti Aminah/);
  await app.goto("");
  await app.tid("case-row").first().waitFor();
  assert.equal(await app.tid("case-row").first().getAttribute("data-status"), "finished");
  app.assertNoConsoleErrors();
  await context.close();
});

/** The phone trusts `pack`'s office (its config, as a file from a
 * laptop that set the office up), then sends its ready cases: the
 * village's part is handed over as a bundle file. */
async function trustAndSend(app, pack, code) {
  const laptop = await env.browser.newContext({ acceptDownloads: true });
  const office = await Pandu.open(laptop, env.server, "/pandu/", "settings");
  await makeOffice(office, { code, pack });
  const config = await download(office, "office-config");
  await laptop.close();
  await app.goto("settings");
  await app.tid("district-file").setInputFiles({ name: config.name, mimeType: "application/json", buffer: config.buffer });
  await app.tid("district-trust").click();
  await app.tid("district-name").waitFor();
  await app.goto("send");
  await app.tid("send-case").first().waitFor();
  const ready = await app.tid("send-case").count();
  await app.tid("send-make").click();
  await app.tid("bundle-made").waitFor();
  await app.goto("");
  await app.page.waitForFunction(
    (n) => document.querySelectorAll("[data-testid=case-row][data-standing=sent]").length === n,
    ready,
  );
  return ready;
}

/** The office laptop (district mode, no staff yet), then no signal. */
async function officeOffline(pack, code) {
  const context = await env.browser.newContext();
  const app = await Pandu.open(context, env.server, "/pandu/", "settings");
  await app.offlineReady();
  await makeOffice(app, { code, pack });
  await app.goto("procedures");
  await app.tid("regency").selectOption(pack);
  await context.setOffline(true);
  return { context, app };
}

test("Purwakarta at the office, a walk-in: not in the BDT, requirements incomplete, returned with the reason", async () => {
  const { context, app } = await officeOffline("purwakarta", "32.14");
  await newCase(app, "enrolment");
  await fillApplicant(app, { ...ADULT, full_name: "Budi Santoso", nik: "3214010101850003", sex: "male" });
  await snap(app, "cover_letter");
  await snap(app, "ktp");
  await mark(app, "kk", false);
  await complete(app, "bring_letter");
  await complete(app, "check_bdt");
  await answer(app, "in_bdt", "no");
  await complete(app, "enter_bdt");
  // "Complete? yes" against a KK marked missing: refused in words.
  await app.tid("answer-yes").click();
  await app.page.waitForFunction(() => /Kartu Keluarga.*tidak sesuai/.test(document.querySelector("[data-testid=step-blocked]")?.textContent ?? ""));
  assert.equal(await where(app), "admin_complete");
  // Returning needs a reason.
  await app.tid("answer-no").click();
  await app.tid("reason-required").waitFor();
  assert.equal(await where(app), "admin_complete");
  await answer(app, "admin_complete", "no", "KK belum diperbarui");
  await complete(app, "return_village");
  assert.equal(await app.tid("case-ended").getAttribute("data-outcome"), "returned");
  assert.match(await app.tid("case-reasons").textContent(), /KK belum diperbarui/);
  assert.match(await app.tid("case-missing-docs").textContent(), /Kartu Keluarga|KK/);
  // The answer is offered at the end, in the pack's words, none chosen,
  // and only one that agrees with the end the SOP reached: returned.
  await app.tid("answer-form").waitFor();
  assert.match(await app.tid("answer-form").textContent(), /Dikembalikan ke desa\/kelurahan/);
  assert.doesNotMatch(await app.tid("answer-form").textContent(), /SIKS-NG|Disetujui/);
  assert.equal(await app.page.locator("[data-testid=answer-form] input[type=radio]").count(), 1);
  assert.equal(await app.page.locator("[data-testid=answer-form] input:checked").count(), 0, "no answer preselected");
  app.assertNoConsoleErrors();
  await context.close();
});

test("Pesisir Selatan: the nagari prepares the dossier offline and sends it; the office takes it at its first step", async () => {
  // The office sets up and gives the nagari its config.
  const laptop = await env.browser.newContext({ acceptDownloads: true });
  const dinas = await Pandu.open(laptop, env.server, "/pandu/", "settings");
  await makeOffice(dinas, { code: "13.01", pack: "pesisir-selatan" });
  const config = await download(dinas, "office-config");

  const context = await env.browser.newContext({ ...PHONE, acceptDownloads: true });
  const app = await Pandu.open(context, env.server, "/pandu/", "settings");
  await app.offlineReady();
  await app.saveProfile({ device: "HP Nagari Painan", officer: "Yusnimar", village: "13.01.01.2001" });
  await app.tid("profile-saved").waitFor();
  await app.tid("district-file").setInputFiles({ name: config.name, mimeType: "application/json", buffer: config.buffer });
  await app.tid("district-trust").click();
  await app.tid("district-name").waitFor();
  const card = await download(app, "device-card");
  await app.goto("procedures");
  await app.tid("regency").selectOption("pesisir-selatan");
  await context.setOffline(true);

  await newCase(app, "bpjs_recommendation");
  await fillApplicant(app, { full_name: "Rahmat", nik: "1301010101900001" });
  // The first step is the district staff's: the phone prepares its dossier.
  await app.tid("dossier").waitFor();
  assert.equal(await app.tid("complete-step").count(), 0);
  assert.equal(await app.tid("doc-akte").count(), 0, "an adult brings the KTP, not the birth certificate");
  assert.equal(await app.tid("village-send").count(), 0, "not ready while documents are unchecked");
  await app.assertFitsPhone("a dossier to prepare");
  for (const doc of ["ktp", "kk"]) await mark(app, doc, true);
  await mark(app, "sktm", false);
  await handedOver(app, "check_requirements", /Staf/);
  // The dossier stays on screen, to retake a photo before sending.
  await app.page.waitForSelector("[data-testid=village-done] [data-testid=doc-sktm][data-state=doc-missing]");
  await app.assertAccessible("a prepared dossier");
  await app.assertFitsPhone("a prepared dossier");

  // Sent as a file.
  await app.tid("village-send").click();
  await app.page.waitForURL(/\/send$/);
  await app.passVault();
  await app.tid("send-case").first().waitFor();
  assert.equal(await app.tid("send-case").count(), 1);
  await app.tid("send-make").click();
  await app.tid("bundle-made").waitFor();
  const bundle = await download(app, "bundle-download");

  // The office enrols the phone, imports the case and works its first step.
  await dinas.goto("devices");
  await dinas.tid("device-card-file").setInputFiles({ name: card.name, mimeType: "application/json", buffer: card.buffer });
  await dinas.tid("device-approve").click();
  await dinas.page.waitForSelector("[data-testid=device-row][data-standing=enrolled]");
  await dinas.goto("receive");
  await dinas.tid("receive-file").setInputFiles({ name: bundle.name, mimeType: "application/octet-stream", buffer: bundle.buffer });
  await dinas.tid("import-report").waitFor();
  assert.equal((await dinas.tid("import-new").textContent()).trim(), "1");
  await dinas.goto("");
  await dinas.tid("case-row").first().locator("a").click();
  await dinas.page.waitForSelector("[data-testid=current-step][data-node=check_requirements]");
  await dinas.page.waitForSelector("[data-testid=doc-sktm][data-state=doc-missing]");
  assert.equal(await dinas.tid("case-breach").count(), 0, "nothing out of lane");
  app.assertNoConsoleErrors();
  dinas.assertNoConsoleErrors();
  await context.close();
  await laptop.close();
});

test("Pesisir Selatan at the office: 'complete?' is refused against a missing SKTM, and the refusal lists it", async () => {
  const { context, app } = await officeOffline("pesisir-selatan", "13.01");
  await newCase(app, "bpjs_recommendation");
  await fillApplicant(app, { full_name: "Rahmat", nik: "1301010101900001" });
  for (const doc of ["ktp", "kk"]) await mark(app, doc, true);
  await mark(app, "sktm", false);
  await complete(app, "check_requirements");
  await app.tid("answer-yes").click();
  await app.page.waitForFunction(() => /SKTM|Tidak Mampu/.test(document.querySelector("[data-testid=step-blocked]")?.textContent ?? ""));
  assert.match(await app.tid("step-blocked").textContent(), /tidak sesuai/);
  assert.equal(await where(app), "complete", "no recommendation without the requirements");
  await answer(app, "complete", "no");
  assert.equal(await app.tid("case-ended").getAttribute("data-outcome"), "refused");
  assert.match(await app.tid("case-outcome").textContent(), /Ditolak/);
  const missing = await app.tid("case-missing-docs").locator("li").allTextContents();
  assert.equal(missing.length, 1);
  assert.match(missing[0], /SKTM|Tidak Mampu/);
  app.assertNoConsoleErrors();
  await context.close();
});

test("Banjarbaru on a village phone: a deactivation goes as far as the kelurahan; the office's verivali is not offered", async () => {
  const { context, app } = await officerOffline(null);
  await app.goto("");
  await app.tid("new-case").click();
  await app.tid("new-case-regency").selectOption("banjarbaru");
  await app.tid("start-mutation").waitFor();
  assert.equal(await app.tid("start-verivali").count(), 0, "an office procedure is not offered on a phone");
  await newCase(app, "mutation", "banjarbaru");
  await fillApplicant(app, { full_name: "Ahmad Fauzi", nik: "6372010101800001" });
  for (const doc of ["ktp", "kk", "kis", "resignation_statement"]) await mark(app, doc, true);
  await complete(app, "apply");
  await mark(app, "kelurahan_letter", true);
  await complete(app, "kelurahan_letter");
  await handedOver(app, "submit", /Staf/);
  assert.equal(await trustAndSend(app, "banjarbaru", "63.72"), 1);
  app.assertNoConsoleErrors();
  await context.close();
});

test("Palembang on a village phone: both procedures stop at the Kasi's disposition", async () => {
  const { context, app } = await officerOffline("palembang");
  for (const [procedure, docs, person] of [
    ["urgent_sick", ["cover_letter", "hospital_letter", "ktp", "kk", "sktm"], { full_name: "Sari Dewi", nik: "1671014101900002" }],
    ["newborn", ["cover_letter", "kk", "birth_letter", "kis"], { full_name: "Bayi Ny. Sari", nik: "1671014110260001", birth_date: "2026-10-01" }],
  ]) {
    await newCase(app, procedure);
    await fillApplicant(app, person);
    for (const doc of docs) await mark(app, doc, true);
    await complete(app, "intake");
    await handedOver(app, "disposition", /Kasi/);
  }
  assert.equal(await trustAndSend(app, "palembang", "16.71"), 2);
  app.assertNoConsoleErrors();
  await context.close();
});

test("bad input gets words, and the rest of the case stays saved", async () => {
  const { context, app } = await officerOffline("purwakarta");
  await newCase(app, "enrolment");
  await fillApplicant(app, { full_name: "Dewi", nik: "32140A", birth_date: "2099-01-01" });
  const nikNotes = await app.page.locator("#f-nik-problem").textContent();
  assert.match(nikNotes, /Hanya boleh angka/);
  assert.match(nikNotes, /Harus 16 digit/);
  assert.match(await app.page.locator("#f-birth_date-problem").textContent(), /setelah hari ini/);
  // An empty name is named too, and blocks the step.
  await app.tid("f-full_name").fill("");
  await waitSaved(app);
  await app.page.waitForFunction(() => /Wajib diisi/.test(document.querySelector("#f-full_name-problem").textContent));
  for (const doc of ["cover_letter", "ktp", "kk", "akte"]) if (await app.tid(`doc-${doc}`).count()) await mark(app, doc, true);
  await app.tid("complete-step").click();
  assert.match(await app.tid("step-blocked").textContent(), /Lengkapi data pemohon/);
  assert.equal(await where(app), "bring_letter");

  // A birth date in the future makes the applicant a child on paper: the
  // checklist asks for the birth certificate instead of the KTP.
  assert.equal(await app.tid("doc-ktp").count(), 0);
  // A file that is no picture is refused in words; nothing is attached.
  await app.tid("photo-cover_letter").setInputFiles({ name: "surat.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 ...") });
  assert.match(await app.tid("photo-problem").textContent(), /bukan foto/);
  // A 30 MB file is refused before it is read.
  await app.tid("photo-cover_letter").setInputFiles({ name: "besar.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(30 * 1024 * 1024, 0xff) });
  await app.page.waitForFunction(() => /terlalu besar/.test(document.querySelector("[data-testid=photo-problem]")?.textContent ?? ""));
  assert.equal(await app.tid("doc-cover_letter").locator("img").count(), 0);

  await app.tid("f-nik").fill("3214014101900002");
  await app.tid("f-full_name").fill("Dewi Lestari");
  await waitSaved(app);
  await app.page.reload();
  await app.ready();
  assert.equal(await app.tid("f-nik").inputValue(), "3214014101900002");
  assert.equal(await app.tid("f-birth_date").inputValue(), "2099-01-01", "what was typed stays stored");

  // A NIK that already has a case on this device is flagged, with a link.
  await newCase(app, "enrolment");
  await app.tid("f-nik").fill("3214014101900002");
  await app.tid("nik-duplicate").waitFor();
  assert.match(await app.tid("nik-duplicate").textContent(), /Dewi Lestari/);
  app.assertNoConsoleErrors();
  await context.close();
});

test("a reload mid-case resumes it, and a killed page loses nothing typed a second before", async () => {
  const { context, app } = await officerOffline("purwakarta");
  await newCase(app, "enrolment");
  await fillApplicant(app, ADULT);
  await mark(app, "cover_letter", true);
  await mark(app, "ktp", true);
  await waitSaved(app);
  const caseUrl = app.page.url();

  await app.page.reload();
  await app.ready();
  assert.equal(await where(app), "bring_letter", "resumed at the same step");
  await app.page.waitForSelector("[data-testid=doc-ktp][data-state=doc-present]");
  assert.equal(await app.tid("f-nik").inputValue(), ADULT.nik);

  // Typing, a second's pause, then the tab is killed without unload.
  // The record is still open while its step is worked.
  if ((await app.tid("applicant").getAttribute("open")) === null) await app.tid("applicant").locator("summary").click();
  await app.tid("f-address").fill("Jl. Veteran No. 5");
  await app.page.waitForTimeout(1000);
  await app.page.close({ runBeforeUnload: false });
  const again = new Pandu(await context.newPage(), env.server);
  await again.page.goto(caseUrl);
  await again.ready();
  await again.tid("applicant").waitFor({ state: "attached" });
  assert.equal(await again.tid("f-address").inputValue(), "Jl. Veteran No. 5");

  // The draft is on the list, found by name and by NIK.
  await again.goto("");
  await again.tid("list-search").fill("amin");
  await again.page.waitForFunction(() => document.querySelectorAll("[data-testid=case-row]").length === 1);
  await again.tid("list-search").fill("3214014101");
  await again.page.waitForFunction(() => document.querySelectorAll("[data-testid=case-row]").length >= 1);
  assert.match(await again.tid("case-list").textContent(), /Siti Aminah/);
  await again.tid("list-search").fill("zzz");
  await again.tid("list-none").waitFor();
  await again.tid("list-search").fill("");
  await again.tid("list-status").selectOption("draft");
  await again.page.waitForFunction(() => [...document.querySelectorAll("[data-testid=case-row]")].every((r) => r.dataset.status === "draft"));
  await again.assertAccessible("case list");
  await again.assertFitsPhone("case list");

  // The case page in English, for an officer who chose it.
  await again.goto("settings");
  await again.tid("lang-en").check();
  await again.page.goto(caseUrl);
  await again.ready();
  await again.tid("current-decision").or(again.tid("current-step")).waitFor();
  const text = await again.page.locator("main").textContent();
  for (const words of ["Applicant", "Current step", "Done by", "Time standard", "History", "Steps and times"]) {
    assert.ok(text.includes(words), `English case page shows ${words}`);
  }
  assert.ok(!text.includes("Langkah sekarang"), "no Indonesian left on the English page");
  again.assertNoConsoleErrors();
  await context.close();
});

test("a full disk: the officer is told, what was saved stays, and the queued change lands when space returns", async () => {
  const { context, app } = await officerOffline("purwakarta");
  await app.page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, key) {
      if (window.__diskFull && this.name === "case_events") throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return put.call(this, value, key);
    };
  });
  await newCase(app, "enrolment");
  await fillApplicant(app, { full_name: "Siti Aminah", nik: ADULT.nik });
  const caseUrl = app.page.url();

  await app.page.evaluate(() => (window.__diskFull = true));
  await app.tid("f-phone").fill("081234567890");
  await app.tid("case-save-failed").waitFor();
  assert.match(await app.tid("case-save-failed").textContent(), /Ruang penyimpanan penuh/);
  // The page keeps what was typed, and the earlier fields are stored.
  assert.equal(await app.tid("f-phone").inputValue(), "081234567890");

  // While the disk was full, writes are held: the next change is not
  // even tried for 20 seconds; then what is queued is written with no
  // typing needed.
  await app.tid("f-village").fill("Sukamaju");
  await app.page.waitForSelector('.save-note[data-state=failed][data-typing="0"]');
  await app.page.evaluate(() => (window.__diskFull = false));
  await app.page.waitForSelector('.save-note[data-state=saved][data-typing="0"]', { timeout: 45_000 });
  await app.page.goto(caseUrl);
  await app.ready();
  await app.tid("applicant").waitFor();
  assert.equal(await app.tid("f-full_name").inputValue(), "Siti Aminah");
  assert.equal(await app.tid("f-phone").inputValue(), "081234567890");
  assert.equal(await app.tid("f-village").inputValue(), "Sukamaju");
  await context.close();
});
