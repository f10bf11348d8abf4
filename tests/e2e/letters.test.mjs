// Letters from the pack's templates, at Pesisir Selatan's office: the
// recommendation for BPJS is offered once the case reaches the Kadis's
// signature, refused in words while the record lacks a field, then issued
// with the next number of the office's register; its page prints on one
// A4 sheet without the app around it (checked by a screenshot and the
// browser's own PDF), and its QR code, read by a real decoder, names the
// case, the number and the fingerprint of every word on the letter. The
// register then lists it, and its recap downloads as CSV (NIK as text).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import { testEnvironment, Pandu } from "./pandu.mjs";
import { download, waitSaved, step, mark, scanQr, text, parseCsv, makeOffice, fillApplicant, addStaffMember } from "./flows.mjs";

const env = testEnvironment();

/** The Kadis who signs, with her NIP and rank. */
const KADIS = { name: "Dra. Yusnidar, M.Si", role: "kadis", pin: "4444", rank: "Pembina Utama Muda (IV/c)", nip: "197205141998032004" };

/** A4 at the 96 px per inch the browser prints with. */
const A4 = { width: 794, height: 1123 };

/** The letter page on paper: the sheet alone, on one A4 page; a
 * screenshot of it is kept in `tests/.output/<file>`. */
async function printsOnA4(app, file) {
  await app.page.setViewportSize(A4);
  await app.page.emulateMedia({ media: "print" });
  const layout = await app.page.evaluate(() => {
    const visible = (sel) => [...document.querySelectorAll(sel)].some((e) => e.getBoundingClientRect().height > 0 && getComputedStyle(e).display !== "none");
    const letter = document.querySelector("[data-testid=letter]").getBoundingClientRect();
    return { nav: visible("nav.tabs"), brand: visible(".brand"), button: visible("[data-testid=letter-print]"), left: letter.left, width: letter.width, height: document.documentElement.scrollHeight };
  });
  assert.deepEqual({ nav: layout.nav, brand: layout.brand, button: layout.button }, { nav: false, brand: false, button: false }, "only the sheet prints");
  assert.ok(Math.abs(layout.width - A4.width) <= 2 && layout.left <= 1, `the sheet is A4 wide (${layout.width} px at ${layout.left})`);
  assert.ok(layout.height <= A4.height + 1, `the letter fits one page (${layout.height} px)`);
  const shot = await app.page.screenshot({ fullPage: true });
  assert.equal(shot.readUInt32BE(16), A4.width, "the screenshot is one A4 page wide");
  assert.equal(shot.readUInt32BE(20), A4.height, "and one A4 page high");
  await mkdir(".output", { recursive: true });
  await writeFile(`.output/${file}`, shot);
  const pdf = await app.page.pdf({ format: "A4", printBackground: true });
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
  assert.equal(pages.length, 1, "the browser prints it on one A4 page");
  await app.page.emulateMedia({ media: "screen" });
}

test("Pesisir Selatan's recommendation: numbered from the register, one A4 sheet, its QR binds the record", async () => {
  const laptop = await env.browser.newContext({ acceptDownloads: true });
  const app = await Pandu.open(laptop, env.server, "/pandu/", "settings");
  await makeOffice(app, { code: "13.01", pack: "pesisir-selatan" });
  await app.goto("procedures");
  await app.tid("regency").selectOption("pesisir-selatan");
  await app.goto("");
  await app.tid("new-case").click();
  await app.tid("start-bpjs_recommendation").click();
  await app.tid("applicant").waitFor();
  // Everything the letter names but the address.
  await fillApplicant(app, { full_name: "Rosmaniar", nik: "1301014101900002", kk: "1301010101200001", birth_date: "1990-01-01", sex: "female", village: "Nagari Painan", district: "IV Jurai" });
  await waitSaved(app);
  for (const doc of ["ktp", "kk", "sktm"]) await mark(app, doc);
  await step(app, "check_requirements", () => app.tid("complete-step").click());
  await step(app, "complete", () => app.tid("answer-yes").click());
  assert.equal(await app.tid("letters").count(), 0, "no letter before the step that makes it");
  // The PBDT check produces the applicant's PBDT number: typed here,
  // checked, kept with the step and printed on the letter.
  await app.page.waitForSelector("[data-testid=current-step][data-node=check_pbdt]");
  await app.tid("complete-step").click();
  await app.tid("step-blocked").waitFor();
  assert.match(await text(app, "step-blocked"), /Hasil langkah ini belum lengkap.*Nomor PBDT \(belum diisi\)/);
  await app.tid("output-pbdt_number").fill("1301-0620");
  await app.tid("complete-step").click();
  await app.page.waitForFunction(() => /hanya angka/.test(document.querySelector("[data-testid=step-blocked]")?.textContent ?? ""));
  // Said at the field too, which is marked invalid.
  assert.match(await text(app, "output-wrong"), /hanya angka/);
  assert.equal(await app.tid("output-pbdt_number").getAttribute("aria-invalid"), "true");
  assert.equal(await app.page.locator("[data-testid=current-step][data-node=check_pbdt]").count(), 1, "nothing recorded");
  await app.tid("output-pbdt_number").fill("1301 0620 1000 12");
  await step(app, "check_pbdt", () => app.tid("complete-step").click());
  await app.page.waitForSelector("[data-testid=current-step][data-node=make_recommendation]");
  // "Membuat rekomendasi" is done only once the letter exists.
  await app.tid("complete-step").click();
  await app.tid("step-blocked").waitFor();
  assert.match(await text(app, "step-blocked"), /Surat untuk langkah ini belum dibuat/);
  assert.equal(await app.page.locator("[data-testid=current-step][data-node=make_recommendation]").count(), 1, "nothing recorded");
  const caseUrl = app.route();
  // No Kadis on the staff: nobody to sign, no number used.
  await app.tid("letter-make").click();
  await app.tid("letter-problem").waitFor();
  assert.match(await text(app, "letter-problem"), /Belum ada staf kantor yang memegang peran penanda tangan: Kadis/);
  assert.equal(await app.tid("letter-issued").count(), 0, "no number was used");
  // The Kadis is added without her NIP: still refused, by name.
  await addStaffMember(app, { ...KADIS, nip: "", rank: "" });
  await app.goto(caseUrl);
  await app.tid("letter-make").click();
  await app.tid("letter-problem").waitFor();
  assert.match(await text(app, "letter-problem"), /Dra\. Yusnidar, M\.Si belum punya NIP/);
  // Her rank and NIP, with her PIN as the office head's.
  await app.goto("settings");
  await app.tid("staff-details").click();
  await app.tid("staff-details-rank").fill(KADIS.rank);
  await app.tid("staff-details-nip").fill("1972");
  await app.tid("staff-details-pin").fill(KADIS.pin);
  await app.tid("staff-details-save").click();
  await app.tid("staff-details-problems").waitFor();
  assert.match(await text(app, "staff-details-problems"), /NIP harus 18 angka/);
  await app.tid("staff-details-nip").fill("19720514 199803 2 004");
  await app.tid("staff-details-pin").fill(KADIS.pin);
  await app.tid("staff-details-save").click();
  await app.page.waitForSelector("[data-testid=staff-log-entry][data-action=updated]");
  assert.match(await text(app, "staff-member-nip"), /NIP 197205141998032004/);
  // With staff, each step is its lane's: the Staf drafts the letter.
  await addStaffMember(app, { name: "Pak Staf", role: "staf", pin: "1111" }, KADIS.pin);
  // The office's own address for the letterhead.
  await app.goto("settings");
  await app.tid("letterhead-address").fill("Jl. Prof. M. Yamin No. 1, Painan 25611");
  await app.tid("letterhead-save").click();
  await app.tid("letterhead-saved").waitFor();
  await app.goto(caseUrl);
  await app.tid("letter-make").click();
  await app.tid("letter-problem").waitFor();
  assert.match(await text(app, "letter-problem"), /belum diisi: Alamat/);
  assert.equal(await app.tid("letter-issued").count(), 0, "no number was used");

  if ((await app.tid("applicant").getAttribute("open")) === null) await app.tid("applicant").locator("summary").click();
  await app.tid("f-address").fill("Jl. Ilyas Yakub No. 5");
  await app.tid("f-address").blur();
  await waitSaved(app);
  await app.tid("letter-make").click();
  await app.tid("letter-issued").waitFor();
  const number = await text(app, "letter-issued");
  const now = new Date();
  const roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"][now.getMonth()];
  assert.match(number, new RegExp(`^400\\.9/001/DSPPrPA-PS/${roman}/${now.getFullYear()}$`));
  await app.tid("timeline").locator("summary").click();
  await app.page.waitForFunction((n) => document.querySelector("[data-testid=timeline]").textContent.includes(n), number);
  const caseId = app.page.url().split("/cases/")[1];
  await app.assertAccessible("a case with its letter");

  // The letter page.
  await app.tid("letter-open").click();
  await app.tid("letter").waitFor();
  assert.equal(await text(app, "letter-number"), number);
  const sheet = await app.tid("letter").textContent();
  for (const words of ["PEMERINTAH KABUPATEN PESISIR SELATAN", "Jl. Prof. M. Yamin No. 1, Painan 25611", "Rosmaniar", "1301014101900002", "Jl. Ilyas Yakub No. 5", "Painan,", "Kepala Dinas", "data PBDT nomor 13010620100012,"]) {
    assert.ok(sheet.includes(words), `the letter says ${words}`);
  }
  // Signed by the Kadis: name, rank, NIP; the sex as its label asks.
  assert.equal(await text(app, "sign-name"), KADIS.name);
  assert.equal(await text(app, "sign-rank"), KADIS.rank);
  assert.equal(await text(app, "sign-nip"), `NIP. ${KADIS.nip}`);
  const sexRow = await app.tid("letter-facts").locator("tr", { hasText: "Jenis Kelamin" }).locator("td").allTextContents();
  assert.deepEqual(sexRow, ["Jenis Kelamin (L/P)", ":", "P"]);
  const digest = await app.tid("letter").getAttribute("data-digest");
  assert.match(digest, /^[0-9a-f]{64}$/);
  const scanned = await scanQr(app, "[data-testid=letter-qr] svg");
  assert.equal(scanned, `pandu-surat|1|${caseId}|${number}|${digest}`);
  await app.assertAccessible("the letter page");

  // The check screen: the real letter's QR matches the register; one
  // changed digit, a number this office never gave, or another code do not.
  const checkQr = async (qr, verdict) => {
    await app.tid("check-text").fill(qr);
    await app.tid("check-go").click();
    await app.page.waitForSelector(`[data-testid=check-result][data-verdict=${verdict}]`);
    return text(app, "check-result");
  };
  await app.goto("inbox");
  await app.tid("check-open").click();
  await app.tid("check-text").waitFor();
  assert.match(await checkQr(scanned, "genuine"), new RegExp(`COCOK.*${number.replace(/\./g, "\\.")}.*Rosmaniar`));
  const flipped = scanned.slice(0, -1) + (scanned.endsWith("0") ? "1" : "0");
  assert.match(await checkQr(flipped, "altered"), /TIDAK COCOK.*isi kertas ini berbeda/);
  await checkQr(scanned.replace(number, "400.9/999/Lain/I/2020"), "unknown");
  await checkQr("https://contoh.go.id/surat", "not-pandu");
  await app.assertAccessible("the QR check page");
  await app.goto(`cases/${caseId}/letters/rekomendasi_bpjs`);
  await app.tid("letter").waitFor();

  // On paper: the sheet alone, on one A4 page.
  await printsOnA4(app, "letter-a4.png");

  // The register: the letter in its year, and the recap as CSV.
  await app.page.emulateMedia({ media: "screen" });
  await app.goto("inbox");
  await app.tid("register-row").first().waitFor();
  assert.equal(await app.tid("register-row").count(), 1);
  assert.match(await app.tid("register-row").textContent(), new RegExp(number.replace(/\./g, "\\.")));
  await app.assertAccessible("the register");
  const recap = await download(app, "register-download");
  assert.equal(recap.name, `register-pesisir-selatan-${now.getFullYear()}.csv`);
  const csv = recap.buffer.toString("utf8");
  assert.ok(csv.startsWith("\ufeff"), "a BOM first");
  const rows = parseCsv(csv.slice(1));
  assert.deepEqual(rows[0], ["No", "Nomor surat", "Tanggal", "Nama", "NIK", "Jenis surat", "Petugas", "ID kasus"]);
  assert.equal(rows.length, 2);
  assert.equal(rows[1][1], number);
  assert.equal(rows[1][4], '="1301014101900002"', "the NIK kept as text");
  assert.equal(rows[1][7], caseId);
  app.assertNoConsoleErrors();
  await laptop.close();
});

/** An office of `pack` walks a case of `procedure` to the Kadis's
 * signature, issues `letter`, and prints it. */
async function letterOf({ pack, code, procedure, letter, at = "kadis_sign", fields, answers, expect, after = [] }) {
  const atNode = at;
  const laptop = await env.browser.newContext({ acceptDownloads: true });
  const app = await Pandu.open(laptop, env.server, "/pandu/", "settings");
  await makeOffice(app, { code, pack });
  await app.goto("procedures");
  await app.tid("regency").selectOption(pack);
  await app.goto("");
  await app.tid("new-case").click();
  await app.tid(`start-${procedure}`).click();
  await app.tid("applicant").waitFor();
  await fillApplicant(app, fields);
  await waitSaved(app);
  // Walk: every document seen, each step done, each decision as given.
  for (let i = 0; i < 12; i++) {
    const current = app.page.locator("[data-testid=current-step], [data-testid=current-decision]").first();
    await current.waitFor();
    const node = await current.getAttribute("data-node");
    if (node === atNode) break;
    for (const b of await app.page.locator("[data-testid^=present-]").all()) {
      if (await b.isVisible()) {
        const doc = (await b.getAttribute("data-testid")).slice("present-".length);
        await mark(app, doc);
      }
    }
    if (answers[node]) await step(app, node, () => app.tid(`answer-${answers[node]}`).click());
    else await step(app, node, () => app.tid("complete-step").click());
  }
  await app.page.waitForSelector(`[data-testid=current-step][data-node=${atNode}]`);
  // The Kadis signs: on the staff with her NIP, signed in at the laptop.
  const caseUrl = app.route();
  await addStaffMember(app, KADIS);
  await app.goto(caseUrl);
  await app.page.locator(`[data-testid=letter-make]`).first().click();
  await app.tid("letter-issued").waitFor();
  const number = await text(app, "letter-issued");
  assert.match(number, expect);
  const caseId = app.page.url().split("/cases/")[1];
  await app.tid("letter-open").click();
  await app.tid("letter").waitFor();
  const sheet = await app.tid("letter").textContent();
  for (const v of [fields.full_name, fields.nik, fields.kk]) assert.ok(sheet.includes(v), `the letter names ${v}`);
  const digest = await app.tid("letter").getAttribute("data-digest");
  assert.equal(await scanQr(app, "[data-testid=letter-qr] svg"), `pandu-surat|1|${caseId}|${number}|${digest}`);
  await app.assertAccessible(`${pack}'s letter`);
  await printsOnA4(app, `letter-${pack}.png`);
  await app.page.setViewportSize({ width: 1280, height: 800 });
  // The steps that draft, initial and sign it, each by its lane's member:
  // the history names the letter's number at each.
  for (const { who, node } of after) {
    await addStaffMember(app, who, KADIS.pin);
    await app.goto(caseUrl);
    await step(app, node, () => app.tid("complete-step").click());
  }
  if (after.length) {
    await app.tid("timeline").locator("summary").click();
    await app.tid("timeline-paper").first().waitFor();
    const papers = await app.tid("timeline-paper").allTextContents();
    assert.deepEqual(papers, after.map(() => number), "each paper step names the number it worked on");
  }
  app.assertNoConsoleErrors();
  await laptop.close();
}

test("Palembang's newborn recommendation prints on A4 with its QR", async () => {
  const place = { address: "Jl. Merdeka No. 1", village: "Talang Semut", district: "Bukit Kecil" };
  await letterOf({
    pack: "palembang", code: "16.71", procedure: "newborn", letter: "rekomendasi_bayi", at: "draft",
    fields: { full_name: "Bayi Ny. Sari", nik: "1671014110260001", kk: "1671010101200001", birth_date: "2026-10-01", sex: "female", ...place },
    answers: { parent_pbi: "yes" },
    expect: /\/001\//,
    after: [
      { who: { name: "Pak Staf", role: "staf", pin: "1111" }, node: "draft" },
      { who: { name: "Bu Kasi", role: "kasi", pin: "2222" }, node: "kasi_initial" },
    ],
  });
});
