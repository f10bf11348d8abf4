// The district desk, walked down Karanganyar's lanes: the office's staff
// guarded by the Kadis (the first member must be the Kadis, every later
// change needs the Kadis's PIN, refusals change nothing, the log shows each
// change); the PMK's phone
// finishes its input and sends the case; at the office each staff member
// signs in with a PIN and finds the case in their inbox when it reaches
// their lane (operator -> Kabid -> Sekdin -> Kadis -> operator sends), a
// wrong role is refused in words with nothing recorded, and the answer
// goes back to the village, whose timeline shows who did what.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { spawnSync } from "node:child_process";
import { testEnvironment, Pandu, PHONE } from "./pandu.mjs";
import { download, waitSaved, step, mark, text, parseCsv, fillApplicant, signIn, makeOffice, addStaffMember } from "./flows.mjs";

const env = testEnvironment();

// The Kadis heads Karanganyar's office: the first member added, whose PIN
// authorises every later change to the staff.
const STAFF = [
  { name: "Bu Kadis", role: "kadis", pin: "4444", nip: "197205141998032004" },
  { name: "Pak Operator", role: "operator", pin: "1111" },
  { name: "Bu Rina", role: "kabid", pin: "2222" },
  { name: "Pak Sekdin", role: "sekdin", pin: "3333" },
];
const HEAD_PIN = STAFF[0].pin;

/** Fills the staff form and submits it; `head` is the PIN typed for the
 * office head (the field exists once a head is on the staff). */
async function addStaff(app, { name, role, pin, nip }, { again = pin, head } = {}) {
  await app.tid("staff-name").fill(name);
  await app.tid("staff-role").selectOption(role);
  if (nip) await app.tid("staff-nip").fill(nip);
  await app.tid("staff-pin").fill(pin);
  await app.tid("staff-pin-again").fill(again);
  if (head !== undefined) await app.tid("staff-auth-pin").fill(head);
  await app.tid("staff-add").click();
}

/** Waits until the element `testid` says `pattern`. */
async function says(app, testid, pattern) {
  await app.page.waitForFunction(
    ([id, source]) => new RegExp(source).test(document.querySelector(`[data-testid=${id}]`)?.textContent ?? ""),
    [testid, pattern.source],
  );
}

/** The staff list's row of `name`. */
function staffRow(app, name) {
  return app.page.locator("[data-testid=staff-member]", { hasText: name });
}

/** Opens the confirmation step removing `name`, types `head` as the
 * office head's PIN (if given) and confirms. */
async function removeStaff(app, name, head) {
  await staffRow(app, name).getByTestId("staff-remove").click();
  await app.tid("staff-remove-step").waitFor();
  if (head !== undefined) await app.tid("staff-remove-pin").fill(head);
  await app.tid("staff-remove-yes").click();
}

/** Opens the first case of the inbox, which must stand on `node`. */
async function openFromInbox(app, node) {
  await app.page.waitForSelector(`[data-testid=inbox-row][data-node=${node}]`);
  assert.equal(await app.tid("inbox-row").count(), 1);
  await app.tid("inbox-row").locator("a").click();
  await app.page.waitForSelector(`[data-testid=current-step][data-node=${node}], [data-testid=current-decision][data-node=${node}]`);
}

test("Karanganyar's lanes: PMK -> operator -> Kabid -> Sekdin -> Kadis -> sent, and the answer back", async () => {
  // ---- The office sets up: keys for Karanganyar's pack, then its staff ----
  const laptop = await env.browser.newContext({ acceptDownloads: true });
  const dinas = await Pandu.open(laptop, env.server, "/pandu/", "settings");
  await dinas.toOffice();
  await dinas.saveProfile({ device: "Laptop Dinsos", officer: "Admin Dinsos", village: "" });
  await dinas.tid("profile-saved").waitFor();
  assert.equal(await dinas.tid("nav-inbox").count(), 0, "no inbox before district mode");
  await dinas.tid("office-create").locator("summary").click();
  await dinas.tid("office-code").fill("33.13");
  await dinas.tid("office-pack").selectOption("karanganyar");
  await dinas.tid("office-make").click();
  await dinas.tid("office-fingerprint").waitFor();
  await dinas.tid("nav-inbox").waitFor();
  const config = await download(dinas, "office-config");

  await dinas.tid("staff").waitFor();
  // No staff yet: the first member must be the Kadis, and no head PIN is asked.
  assert.match(await text(dinas, "staff-first-head"), /Staf pertama harus kepala kantor.*Kadis/);
  assert.equal(await dinas.tid("staff-auth-pin").count(), 0);
  await dinas.tid("staff-log-none").waitFor();
  // Bad input first: every problem at once, nothing stored.
  await addStaff(dinas, { name: "", role: "kabid", pin: "12a" }, { again: "12a" });
  await dinas.tid("staff-problems").waitFor();
  assert.match(await text(dinas, "staff-problems"), /Nama wajib diisi/);
  assert.match(await text(dinas, "staff-problems"), /Staf pertama harus memegang peran kepala kantor/);
  assert.match(await text(dinas, "staff-problems"), /4 sampai 8 angka/);
  await addStaff(dinas, { name: "Bu Rina", role: "kadis", pin: "2222" }, { again: "2223" });
  await says(dinas, "staff-problems", /tidak sama/);
  // Anyone but a Kadis first is refused in words.
  await addStaff(dinas, STAFF[1]);
  await says(dinas, "staff-problems", /Staf pertama harus memegang peran kepala kantor/);
  assert.equal(await dinas.tid("staff-member").count(), 0);
  await dinas.tid("staff-log-none").waitFor();

  // The Kadis first, with no other PIN than her own.
  await addStaff(dinas, STAFF[0]);
  await dinas.page.waitForSelector("[data-testid=staff-member][data-role=kadis][data-head=true]");
  await dinas.tid("staff-head-rule").waitFor();
  assert.equal(await dinas.tid("staff-auth-who").locator("option").count(), 1, "only heads authorise");
  // Later additions need the Kadis's PIN: none, a wrong one and a
  // non-head's own PIN are refused in words, and nothing is added.
  await addStaff(dinas, STAFF[1], { head: "" });
  await says(dinas, "staff-problems", /Ketik PIN kepala kantor/);
  await addStaff(dinas, STAFF[1], { head: "0000" });
  await says(dinas, "staff-problems", /PIN kepala kantor salah/);
  assert.equal(await dinas.tid("staff-member").count(), 1);
  for (const who of STAFF.slice(1)) {
    await addStaff(dinas, who, { head: HEAD_PIN });
    await dinas.page.waitForSelector(`[data-testid=staff-member][data-role=${who.role}]`);
  }
  assert.equal(await dinas.tid("staff-member").count(), 4);
  await addStaff(dinas, { name: "bu rina", role: "kadis", pin: "9999" }, { head: HEAD_PIN });
  await says(dinas, "staff-problems", /sudah dipakai/);
  // Bu Rina's own PIN does not authorise anything: she is not the head.
  await addStaff(dinas, { name: "Pak Magang", role: "operator", pin: "5555" }, { head: "2222" });
  await says(dinas, "staff-problems", /PIN kepala kantor salah/);
  assert.equal(await dinas.tid("staff-member").count(), 4);

  // Removal: a confirmation step, then the Kadis's PIN.
  await removeStaff(dinas, "Bu Rina");
  await says(dinas, "staff-remove-problems", /Ketik PIN kepala kantor/);
  await dinas.tid("staff-remove-pin").fill("2222");
  await dinas.tid("staff-remove-yes").click();
  await says(dinas, "staff-remove-problems", /PIN kepala kantor salah/);
  assert.equal(await staffRow(dinas, "Bu Rina").count(), 1, "Bu Rina stays");
  await dinas.tid("staff-remove-cancel").click();
  await dinas.tid("staff-remove-step").waitFor({ state: "detached" });
  // The last Kadis cannot be removed, even with her PIN.
  await removeStaff(dinas, "Bu Kadis", HEAD_PIN);
  await says(dinas, "staff-remove-problems", /Kepala kantor terakhir tidak dapat dihapus/);
  await dinas.tid("staff-remove-cancel").click();
  assert.equal(await dinas.tid("staff-member").count(), 4);
  // A member added and removed with the Kadis's PIN.
  await addStaff(dinas, { name: "Pak Magang", role: "operator", pin: "5555" }, { head: HEAD_PIN });
  await staffRow(dinas, "Pak Magang").waitFor();
  await removeStaff(dinas, "Pak Magang", HEAD_PIN);
  await says(dinas, "staff-message", /Staf dihapus/);
  await staffRow(dinas, "Pak Magang").waitFor({ state: "detached" });
  assert.equal(await dinas.tid("staff-member").count(), 4);

  // The log: every change, newest first, with who authorised it; the
  // refusals left no line.
  await dinas.page.waitForFunction(() => document.querySelectorAll("[data-testid=staff-log-entry]").length === 6);
  const log = await dinas.tid("staff-log-entry").evaluateAll((rows) =>
    rows.map((r) => [r.dataset.action, r.dataset.name, r.dataset.by]),
  );
  assert.deepEqual(log, [
    ["removed", "Pak Magang", "Bu Kadis"],
    ["added", "Pak Magang", "Bu Kadis"],
    ["added", "Pak Sekdin", "Bu Kadis"],
    ["added", "Bu Rina", "Bu Kadis"],
    ["added", "Pak Operator", "Bu Kadis"],
    ["added", "Bu Kadis", "Bu Kadis"],
  ]);
  assert.match(await dinas.tid("staff-log-entry").first().textContent(), /\d{2}:\d{2} WIB Dihapus: Pak Magang \(Staf\/Operator Kabupaten\), disetujui oleh Bu Kadis/);
  await dinas.assertAccessible("settings with the office staff");

  // ---- The PMK's phone: trusts the office, does its part, sends ----
  const phone = await env.browser.newContext({ ...PHONE, acceptDownloads: true });
  const desa = await Pandu.open(phone, env.server, "/pandu/", "settings");
  await desa.offlineReady();
  await desa.saveProfile({ device: "HP PMK Jaten", officer: "Sri Wahyuni", village: "33.13.01.2001" });
  await desa.tid("profile-saved").waitFor();
  await desa.tid("district-file").setInputFiles({ name: config.name, mimeType: "application/json", buffer: config.buffer });
  await desa.tid("district-trust").click();
  await desa.tid("district-name").waitFor();
  const card = await download(desa, "device-card");
  await phone.setOffline(true);
  await desa.goto("procedures");
  await desa.tid("regency").selectOption("karanganyar");
  await desa.goto("");
  await desa.tid("new-case").click();
  await desa.tid("start-pbi_pbpu_proposal").click();
  await desa.tid("applicant").waitFor();
  await fillApplicant(desa, { full_name: "Suparmi", nik: "3313014101900002", kk: "3313010101200001", sex: "female", birth_date: "1990-01-01" });
  await waitSaved(desa);
  for (const doc of ["kk", "ktp"]) await mark(desa, doc);
  if (await desa.tid("present-akte").count()) await mark(desa, "akte");
  await step(desa, "village_input", () => desa.tid("complete-step").click());
  // The village's part is done: the case waits on the district's operator,
  // whose steps the phone shows but never offers.
  await desa.page.waitForSelector("[data-testid=village-done][data-node=verify]");
  assert.match(await text(desa, "waits-on"), /Operator/);
  assert.equal(await desa.tid("complete-step").count(), 0);
  assert.equal(await text(desa, "case-status"), "Siap dikirim");
  await waitSaved(desa);
  const caseUrl = desa.page.url();
  await desa.tid("nav-send").click();
  await desa.page.waitForURL(/\/send$/);
  await desa.passVault();
  await desa.tid("send-case").first().waitFor();
  assert.equal(await desa.tid("send-case").count(), 1);
  await desa.tid("send-make").click();
  await desa.tid("bundle-made").waitFor();
  const bundle = await download(desa, "bundle-download");

  // ---- The office enrols the phone and imports the case ----
  await dinas.goto("devices");
  await dinas.tid("device-card-file").setInputFiles({ name: card.name, mimeType: "application/json", buffer: card.buffer });
  // Enrolling a phone is an office act: nobody signed in, refused in words.
  await dinas.tid("device-approve").click();
  await dinas.tid("devices-message").waitFor();
  assert.match(await text(dinas, "devices-message"), /Masuk sebagai staf/);
  assert.equal(await dinas.page.locator("[data-testid=device-row][data-standing=pending]").count(), 1, "still waiting");
  await signIn(dinas, STAFF[1]);
  await dinas.goto("devices");
  await dinas.tid("device-approve").click();
  await dinas.page.waitForSelector("[data-testid=device-row][data-standing=enrolled]");
  await dinas.goto("inbox");
  await dinas.tid("sign-out").click();
  await dinas.tid("sign-in-who").waitFor();
  await dinas.goto("receive");
  await dinas.tid("receive-file").setInputFiles({ name: bundle.name, mimeType: "application/octet-stream", buffer: bundle.buffer });
  await dinas.tid("import-report").waitFor();
  assert.equal(await text(dinas, "import-new"), "1");

  // ---- The lanes ----
  // Nobody signed in: the case page says to sign in, and records nothing.
  await dinas.goto("");
  await dinas.tid("case-row").first().locator("a").click();
  await dinas.page.waitForSelector("[data-testid=current-step][data-node=verify]");
  await dinas.tid("complete-step").click();
  await dinas.tid("step-blocked").waitFor();
  assert.match(await text(dinas, "step-blocked"), /Masuk sebagai staf/);
  // Nor can the applicant's record be changed under the laptop's name.
  await dinas.tid("record-sign-in").waitFor({ state: "attached" });
  assert.ok(await dinas.tid("f-phone").isDisabled(), "the record is read-only while nobody is signed in");
  // A list names every applicant: not offered while signed out.
  await dinas.goto("inbox");
  await dinas.tid("sign-in-who").waitFor();
  assert.equal(await dinas.tid("list").count(), 0);
  assert.equal(await dinas.tid("register-download").count(), 0);

  // A wrong PIN is refused.
  await dinas.goto("inbox");
  await dinas.tid("sign-in-who").selectOption({ label: "Bu Rina" });
  await dinas.tid("sign-in-pin").fill("0000");
  await dinas.tid("sign-in-go").click();
  await dinas.tid("sign-in-wrong").waitFor();
  await dinas.assertAccessible("the inbox sign-in");

  // The Kabid's inbox is empty while the case is with the operator.
  const [kadis, operator, kabid, sekdin] = STAFF;
  await signIn(dinas, kabid);
  await dinas.tid("inbox-empty").waitFor();

  await signIn(dinas, operator);
  await openFromInbox(dinas, "verify");
  assert.match(await text(dinas, "step-actor"), /Operator/);
  // An answer while the operator still verifies: not offered, said why.
  await dinas.tid("answer-closed").waitFor();
  assert.match(await text(dinas, "answer-closed-why"), /Menyampaikan umpan balik|umpan balik|sampai di/);
  assert.equal(await dinas.tid("answer-form").count(), 0);
  // Verifying chooses the proposal's scheme, which addresses the letter.
  await dinas.tid("complete-step").click();
  await says(dinas, "step-blocked", /Skema usulan \(belum diisi\)/);
  await dinas.tid("output-scheme").selectOption("pbi_jk");
  await step(dinas, "verify", () => dinas.tid("complete-step").click());
  await waitSaved(dinas);
  // The draft is passed on only once the cycle's request letter exists.
  await dinas.page.waitForSelector("[data-testid=current-step][data-node=check_dossier]");
  const officeCase = dinas.route();
  await dinas.tid("complete-step").click();
  await says(dinas, "step-blocked", /Surat untuk langkah ini belum dibuat/);
  await dinas.tid("cycle-letter-go").click();
  const toKemensos = dinas.page.locator("[data-testid=cycle-group][data-destination=pbi_jk]");
  assert.equal(await toKemensos.getByTestId("cycle-pending").getAttribute("data-count"), "1");
  await toKemensos.getByTestId("cycle-letter-make").click();
  await toKemensos.getByTestId("cycle-letter-issued").waitFor();
  await dinas.goto(officeCase);
  await step(dinas, "check_dossier", () => dinas.tid("complete-step").click());
  // The Kabid's step, tried by the operator: refused in words.
  await dinas.page.waitForSelector("[data-testid=current-step][data-node=kabid_review]");
  await waitSaved(dinas);
  const before = await dinas.tid("timeline-event").count();
  await dinas.tid("complete-step").click();
  await dinas.tid("step-blocked").waitFor();
  assert.match(await text(dinas, "step-blocked"), /dikerjakan oleh Kabid.*Anda masuk sebagai Staf\/Operator/);
  assert.equal(await dinas.tid("timeline-event").count(), before, "nothing recorded");
  await dinas.page.waitForSelector("[data-testid=current-step][data-node=kabid_review]");

  for (const [who, node] of [[kabid, "kabid_review"], [sekdin, "sekdin_review"], [kadis, "kadis_sign"]]) {
    await signIn(dinas, who);
    assert.match(await text(dinas, "inbox-count"), /^1 kasus/);
    assert.match(await text(dinas, "inbox-lateness"), /Sisa waktu|Terlambat/);
    await openFromInbox(dinas, node);
    await step(dinas, node, () => dinas.tid("complete-step").click());
    await waitSaved(dinas);
  }
  await dinas.assertAccessible("a case in the district's lanes");

  await signIn(dinas, operator);
  await openFromInbox(dinas, "scheme");
  await step(dinas, "scheme", () => dinas.tid("answer-pbi_jk").click());
  await step(dinas, "send_kemensos", () => dinas.tid("complete-step").click());
  // The feedback step waits for the district's answer.
  await dinas.page.waitForSelector("[data-testid=current-step][data-node=feedback]");
  await dinas.tid("complete-step").click();
  await dinas.tid("step-blocked").waitFor();
  assert.match(await text(dinas, "step-blocked"), /Catat jawaban Dinas dulu/);
  // The pack's words: this PBI-JK case goes to Kemensos, not to Dinkes.
  const form = await text(dinas, "answer-form");
  assert.match(form, /Kemensos/);
  assert.doesNotMatch(form, /Dinas Kesehatan/);
  await dinas.tid("answer-proposed").check();
  await dinas.tid("answer-save").click();
  await dinas.page.waitForSelector("[data-testid=case-answer][data-state=proposed]");
  // Said in the pack's words for this case: proposed to Kemensos.
  assert.match(await text(dinas, "case-answer-label"), /Diusulkan ke Kemensos/);
  await step(dinas, "feedback", () => dinas.tid("complete-step").click());
  await dinas.page.waitForSelector("[data-testid=case-ended][data-outcome=proposed]");
  await waitSaved(dinas);
  await dinas.goto("inbox");
  await dinas.tid("inbox-empty").waitFor();

  // ---- This cycle's lists, as CSV for Indonesian spreadsheets ----
  const kemensos = dinas.page.locator("[data-testid=list][data-list=usulan_pbi_jk]");
  const [dl] = await Promise.all([dinas.page.waitForEvent("download"), kemensos.getByTestId("list-make").click()]);
  const csv = await readFile(await dl.path());
  assert.match(dl.suggestedFilename(), /^karanganyar-usulan_pbi_jk-\d{4}-\d{2}\.csv$/);
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 with a BOM");
  const rows = parseCsv(csv.subarray(3).toString("utf8"));
  assert.equal(rows[0][1], "NIK");
  assert.equal(rows.length, 2, "the one case proposed this cycle");
  assert.equal(rows[1][1], '="3313014101900002"', "the NIK as text, never 3,31301E+15");
  assert.equal(rows[1][3], "Suparmi");
  assert.equal(await kemensos.getByTestId("list-made").getAttribute("data-rows"), "1");
  // The same list for upload tools: no BOM, commas, the NIK as bare digits.
  const [plainDl] = await Promise.all([dinas.page.waitForEvent("download"), kemensos.getByTestId("list-make-plain").click()]);
  assert.match(plainDl.suggestedFilename(), /^karanganyar-usulan_pbi_jk-\d{4}-\d{2}-aplikasi\.csv$/);
  const plain = (await readFile(await plainDl.path())).toString("utf8");
  assert.ok(!plain.startsWith("\ufeff"), "no BOM");
  const plainRows = plain.trimEnd().split("\r\n").map((l) => l.split(","));
  assert.equal(plainRows[0][1], "NIK");
  assert.equal(plainRows[1][1], "3313014101900002", "the NIK as plain text");
  // And as a workbook, read by an independent reader (Python's zipfile and
  // ElementTree): the NIK a text cell, the header bold and frozen.
  const [xlsxDl] = await Promise.all([dinas.page.waitForEvent("download"), kemensos.getByTestId("list-make-xlsx").click()]);
  assert.match(xlsxDl.suggestedFilename(), /^karanganyar-usulan_pbi_jk-\d{4}-\d{2}\.xlsx$/);
  const read = spawnSync("python3", [new URL("../xlsx_reader.py", import.meta.url).pathname, await xlsxDl.path()], { encoding: "utf8" });
  assert.equal(read.status, 0, read.stderr);
  const book = JSON.parse(read.stdout);
  assert.equal(book.frozen, true);
  assert.deepEqual(book.rows[0][1], ["text", "NIK", true]);
  assert.deepEqual(book.rows[1][1], ["text", "3313014101900002", false]);
  assert.equal(book.rows.length, 2);
  const dinkes = dinas.page.locator("[data-testid=list][data-list=usulan_pbpu_bp_pemda]");
  const [empty] = await Promise.all([dinas.page.waitForEvent("download"), dinkes.getByTestId("list-make").click()]);
  assert.equal(parseCsv((await readFile(await empty.path())).subarray(3).toString("utf8")).length, 1, "only the titles");
  assert.match(await dinkes.getByTestId("list-made").textContent(), /hanya berisi judul kolom/);
  await dinas.assertAccessible("the inbox with the lists");

  // ---- The answer goes back to the PMK ----
  await dinas.goto("send");
  await dinas.tid("answers-make").click();
  await dinas.tid("bundle-made").waitFor();
  const answer = await download(dinas, "bundle-download");
  await desa.goto("receive");
  await desa.tid("receive-file").setInputFiles({ name: answer.name, mimeType: "application/octet-stream", buffer: answer.buffer });
  await desa.tid("import-report").waitFor();
  await desa.page.goto(caseUrl);
  await desa.ready();
  await desa.page.waitForSelector("[data-testid=case-answer][data-state=proposed]");
  await desa.page.waitForSelector("[data-testid=case-ended][data-outcome=proposed]");
  await desa.tid("timeline").locator("summary").click();
  await desa.page.waitForFunction(() => /Bu Kadis/.test(document.querySelector("[data-testid=timeline]").textContent));
  const timeline = await text(desa, "timeline");
  for (const who of STAFF) assert.ok(timeline.includes(who.name), `the timeline shows ${who.name}`);

  // Guessing PINs: after three wrong ones the laptop makes the next wait,
  // and even the right PIN is not taken until then.
  await dinas.goto("inbox");
  await dinas.tid("sign-out").click();
  for (let i = 0; i < 4; i++) {
    await dinas.tid("sign-in-who").selectOption({ label: "Bu Kadis" });
    await dinas.tid("sign-in-pin").fill(`900${i}`);
    await dinas.tid("sign-in-go").click();
    await dinas.tid("sign-in-wrong").waitFor();
  }
  await dinas.tid("sign-in-who").selectOption({ label: "Bu Kadis" });
  await dinas.tid("sign-in-pin").fill(HEAD_PIN);
  await dinas.tid("sign-in-go").click();
  await dinas.tid("sign-in-wait").waitFor();
  assert.match(await text(dinas, "sign-in-wait"), /Coba lagi dalam < 1 menit/);
  assert.equal(await dinas.tid("signed-in").count(), 0, "not signed in while the laptop waits");
  dinas.assertNoConsoleErrors();
  desa.assertNoConsoleErrors();
  await laptop.close();
  await phone.close();
});

test("a Kasi finishes several cases' step at once with one PIN; a case not ready is named and left as it was", async () => {
  const laptop = await env.browser.newContext();
  const app = await Pandu.open(laptop, env.server, "/pandu/", "settings");
  await makeOffice(app, { code: "16.71", pack: "palembang" });
  await app.goto("procedures");
  await app.tid("regency").selectOption("palembang");
  const place = { address: "Jl. Merdeka No. 1", village: "Talang Semut", district: "Bukit Kecil" };
  // Three newborns brought to the office; the third's disposition is not seen yet.
  const babies = [["Bayi Ny. Sari", "1671014110260001", true], ["Bayi Ny. Rina", "1671014110260002", true], ["Bayi Ny. Wati", "1671014110260003", false]];
  for (const [name, nik, ready] of babies) {
    await app.goto("");
    await app.tid("new-case").click();
    await app.tid("start-newborn").click();
    await app.tid("applicant").waitFor();
    await fillApplicant(app, { full_name: name, nik, kk: "1671010101200001", birth_date: "2026-10-01", sex: "female", ...place });
    await waitSaved(app);
    for (const doc of ["cover_letter", "kk", "birth_letter", "kis"]) await mark(app, doc);
    await step(app, "intake", () => app.tid("complete-step").click());
    await app.page.waitForSelector("[data-testid=current-step][data-node=disposition]");
    if (ready) await mark(app, "disposition");
  }
  await addStaffMember(app, { name: "Bu Kadis", role: "kadis", pin: "4444", nip: "197205141998032004" });
  await addStaffMember(app, { name: "Pak Kasi", role: "kasi", pin: "2222" }, "4444");
  await app.goto("inbox");
  await app.page.waitForFunction(() => document.querySelectorAll("[data-testid=inbox-row]").length === 3);
  for (const box of await app.tid("batch-pick").all()) await box.check();
  assert.match(await text(app, "batch-go"), /\(3\)/);
  // A wrong PIN does nothing.
  await app.tid("batch-pin").fill("9999");
  await app.tid("batch-go").click();
  await app.tid("batch-message").waitFor();
  assert.match(await text(app, "batch-message"), /PIN salah/);
  assert.equal(await app.tid("inbox-row").count(), 3);
  await app.tid("batch-pin").fill("2222");
  await app.tid("batch-go").click();
  await app.tid("batch-done").waitFor();
  assert.equal(await app.tid("batch-done").getAttribute("data-done"), "2");
  assert.match(await text(app, "batch-refused"), /Bayi Ny\. Wati.*disposisi/);
  await app.page.waitForFunction(() => document.querySelectorAll("[data-testid=inbox-row]").length === 1);
  assert.match(await text(app, "inbox-row"), /Bayi Ny\. Wati/);
  // Each case done is recorded in the Kasi's name, one event each.
  await app.tid("nav-home").click();
  await app.page.locator("[data-testid=case-row]", { hasText: "Bayi Ny. Sari" }).getByRole("link").click();
  await app.tid("timeline").locator("summary").click();
  await app.page.waitForFunction(() => /Pak Kasi \(Kasi/.test(document.querySelector("[data-testid=timeline]").textContent));
  app.assertNoConsoleErrors();
  await laptop.close();
});
