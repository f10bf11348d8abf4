// Karanganyar's request letter, one per cycle and destination: three
// villages send a proposal each; the operator verifies them, choosing
// each one's scheme (PBI-JK to Kemensos, PBPU BP Pemda to Dinkes); the
// cycle's page makes two letters, numbered once each, each with its list
// attached on a page of its own (printed to PDF: A4 pages, the list on
// the second), its QR read back and genuine on the check screen. Only
// then do the paper steps go on, in batches with one PIN each; the
// later "PBI-JK or PBPU?" diamond takes only the scheme chosen before.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import { testEnvironment, Pandu } from "./pandu.mjs";
import { download, step, text, scanQr, makeOffice, sendFromVillage, importAll, addStaffMember, signIn, waitSaved } from "./flows.mjs";

const env = testEnvironment();

const KADIS = { name: "Drs. Sugeng Raharto, M.Si.", role: "kadis", pin: "4444", rank: "Pembina Utama Muda", nip: "196509251986031015" };
const OPERATOR = { name: "Pak Operator", role: "operator", pin: "1111" };
const KABID = { name: "Bu Rina", role: "kabid", pin: "2222" };
const SEKDIN = { name: "Pak Sekdin", role: "sekdin", pin: "3333" };

/** Three villages' proposals, and the scheme the operator gives each. */
const PROPOSALS = [
  { device: "HP Jaten", officer: "Sri Wahyuni", code: "33.13.01.2001", village: "Jaten", district: "Jaten", full_name: "Suparmi", nik: "3313014101900002", scheme: "pbi_jk" },
  { device: "HP Tasikmadu", officer: "Bambang", code: "33.13.02.2002", village: "Tasikmadu", district: "Tasikmadu", full_name: "Paiman", nik: "3313021505800003", sex: "male", birth_date: "1980-05-15", scheme: "pbpu_bp_pemda" },
  { device: "HP Kalisoro", officer: "Tutik", code: "33.13.03.2003", village: "Kalisoro", district: "Tawangmangu", full_name: "Wagiyem", nik: "3313035708750004", birth_date: "1975-08-17", scheme: "pbi_jk" },
];

/** The letter page printed by the browser: its PDF (kept in
 * `tests/.output/<file>`) must be A4 pages, the letter on the first and
 * its list on the second; returns how many pages. */
async function printsLetterAndList(app, file) {
  await app.page.setViewportSize({ width: 794, height: 1123 });
  await app.page.emulateMedia({ media: "print" });
  const pdf = await app.page.pdf({ preferCSSPageSize: true, printBackground: true });
  await mkdir(".output", { recursive: true });
  await writeFile(`.output/${file}`, pdf);
  const raw = pdf.toString("latin1");
  const pages = raw.match(/\/Type\s*\/Page[^s]/g) ?? [];
  assert.equal(pages.length, 2, `${file}: the letter, then its list on a page of its own`);
  const boxes = [...raw.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(+m[1]), Math.round(+m[2])]);
  assert.ok(boxes.length >= 2 && boxes.every(([w, h]) => w === 595 && h === 842), `${file}: A4 pages: ${JSON.stringify(boxes)}`);
  await app.page.emulateMedia({ media: "screen" });
  await app.page.setViewportSize({ width: 1280, height: 800 });
}

/** Ticks every case in the signed-in member's inbox and finishes its
 * step with `pin`; `n` cases must be done. */
async function batch(app, pin, n) {
  await app.goto("inbox");
  await app.page.waitForFunction((k) => document.querySelectorAll("[data-testid=inbox-row]").length === k, n);
  for (const box of await app.tid("batch-pick").all()) await box.check();
  await app.tid("batch-pin").fill(pin);
  await app.tid("batch-go").click();
  await app.tid("batch-done").waitFor();
  assert.equal(await app.tid("batch-done").getAttribute("data-done"), String(n), await text(app, "batch-done"));
}

test("Karanganyar: three villages, two destinations, two numbered letters with their lists on A4", async () => {
  const laptop = await env.browser.newContext({ acceptDownloads: true });
  const dinas = await Pandu.open(laptop, env.server, "/pandu/", "settings");
  await makeOffice(dinas, { code: "33.13", pack: "karanganyar" });
  const config = await download(dinas, "office-config");
  const sent = [];
  for (const p of PROPOSALS) sent.push(await sendFromVillage(env, config, p));
  await importAll(dinas, sent);

  // The operator verifies each proposal and chooses its scheme.
  await addStaffMember(dinas, KADIS);
  await addStaffMember(dinas, OPERATOR, KADIS.pin);
  const cases = {};
  for (const p of PROPOSALS) {
    await dinas.goto("inbox");
    await dinas.page.locator("[data-testid=inbox-row][data-node=verify]", { hasText: p.full_name }).locator("a").click();
    await dinas.page.waitForSelector("[data-testid=current-step][data-node=verify]");
    cases[p.full_name] = dinas.route();
    await dinas.tid("output-scheme").selectOption(p.scheme);
    await step(dinas, "verify", () => dinas.tid("complete-step").click());
    await waitSaved(dinas);
  }

  // The cycle's page: two destinations, what waits for each.
  await dinas.goto("inbox");
  await dinas.tid("cycle-letter-page").click();
  const kemensos = dinas.page.locator("[data-testid=cycle-group][data-destination=pbi_jk]");
  const dinkes = dinas.page.locator("[data-testid=cycle-group][data-destination=pbpu_bp_pemda]");
  await kemensos.waitFor();
  assert.equal(await kemensos.getByTestId("cycle-pending").getAttribute("data-count"), "2");
  assert.equal(await dinkes.getByTestId("cycle-pending").getAttribute("data-count"), "1");
  await dinas.assertAccessible("the cycle letter page");

  // Signed out, the page names nobody and numbers nothing.
  const cyclePage = dinas.route();
  await dinas.goto("inbox");
  await dinas.tid("sign-out").click();
  await dinas.goto(cyclePage);
  await dinas.tid("cycle-sign-in").waitFor();
  assert.equal(await dinas.tid("cycle-group").count(), 0);

  await signIn(dinas, OPERATOR);
  await dinas.tid("cycle-letter-page").click();
  await kemensos.getByTestId("cycle-letter-make").click();
  await kemensos.getByTestId("cycle-letter-issued").waitFor();
  await dinkes.getByTestId("cycle-letter-make").click();
  await dinkes.getByTestId("cycle-letter-issued").waitFor();
  const now = new Date();
  const roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"][now.getMonth()];
  const first = await kemensos.getByTestId("cycle-letter-issued").getAttribute("data-number");
  const second = await dinkes.getByTestId("cycle-letter-issued").getAttribute("data-number");
  assert.equal(first, `460/001/Dinsos/${roman}/${now.getFullYear()}`);
  assert.equal(second, `460/002/Dinsos/${roman}/${now.getFullYear()}`);
  assert.equal(await kemensos.getByTestId("cycle-pending").getAttribute("data-count"), "0");

  // The Kemensos letter: its addressee, the list of both proposals on
  // the next page, the Kadis's name and NIP, its QR bound to every row.
  await kemensos.getByTestId("cycle-letter-open").click();
  await dinas.tid("letter").waitFor();
  const sheet = await dinas.tid("letter").textContent();
  assert.match(sheet, /Yth\. Menteri Sosial Republik Indonesia/);
  assert.doesNotMatch(sheet, /Dinas Kesehatan/);
  assert.match(sheet, /usulan 2 calon peserta Jaminan Kesehatan Nasional skema PBI-JK,/);
  assert.equal(await dinas.tid("attachment-row").count(), 2);
  const rows = await dinas.tid("attachment-row").allTextContents();
  assert.match(rows[0], /Suparmi.*Jaten/);
  assert.match(rows[1], /Wagiyem.*33\.13\.03\.2003.*Kalisoro/);
  assert.equal(await dinas.tid("sign-name").first().textContent(), KADIS.name);
  assert.match(await dinas.tid("sign-nip").first().textContent(), /196509251986031015/);
  const qr = await dinas.tid("letter").getAttribute("data-qr");
  assert.equal(await scanQr(dinas, "[data-testid=letter-qr] svg"), qr);
  assert.match(qr, new RegExp(`^pandu-surat\\|1\\|permohonan_usulan:\\d{4}-\\d{2}:pbi_jk\\|${first.replace(/[./]/g, "\\$&")}\\|[0-9a-f]{64}$`));
  await dinas.assertAccessible("a cycle letter");

  // Printed: the letter on the first A4 page, its list on the next.
  await dinas.page.setViewportSize({ width: 794, height: 1123 });
  await dinas.page.emulateMedia({ media: "print" });
  const shown = await dinas.page.evaluate(() => {
    const visible = (sel) => [...document.querySelectorAll(sel)].some((e) => e.getBoundingClientRect().height > 0 && getComputedStyle(e).display !== "none");
    return { nav: visible("nav.tabs"), button: visible("[data-testid=letter-print]"), list: visible("[data-testid=letter-attachment]") };
  });
  assert.deepEqual(shown, { nav: false, button: false, list: true }, "only the letter and its list print");
  const overflow = await dinas.page.evaluate(() => {
    const table = document.querySelector("[data-testid=attachment-table]").getBoundingClientRect();
    const sheet = document.querySelector("[data-testid=letter]").getBoundingClientRect();
    return Math.round(table.right - sheet.right);
  });
  assert.ok(overflow <= 0, `the list fits the A4 width (${overflow} px over)`);
  const pdf = await dinas.page.pdf({ preferCSSPageSize: true, printBackground: true });
  await mkdir(".output", { recursive: true });
  await writeFile(".output/cycle-letter.pdf", pdf);
  await writeFile(".output/cycle-letter.png", await dinas.page.screenshot({ fullPage: true }));
  const raw = pdf.toString("latin1");
  const pages = raw.match(/\/Type\s*\/Page[^s]/g) ?? [];
  assert.equal(pages.length, 2, "the letter, then its list on a page of its own");
  const boxes = [...raw.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(+m[1]), Math.round(+m[2])]);
  assert.ok(boxes.length >= 2 && boxes.every(([w, h]) => w === 595 && h === 842), `A4 pages: ${JSON.stringify(boxes)}`);
  await dinas.page.emulateMedia({ media: "screen" });
  // On a phone's screen the letter fits; its list scrolls in its own box.
  await dinas.page.setViewportSize({ width: 360, height: 640 });
  await dinas.assertFitsPhone("a cycle letter on a phone");
  await dinas.page.setViewportSize({ width: 1280, height: 800 });

  // The check screen: the letter's QR is genuine; one changed digit is not.
  await dinas.goto("periksa");
  await dinas.tid("check-text").fill(qr);
  await dinas.tid("check-go").click();
  await dinas.page.waitForSelector("[data-testid=check-result][data-verdict=genuine]");
  await dinas.tid("check-text").fill(qr.slice(0, -1) + (qr.endsWith("0") ? "1" : "0"));
  await dinas.tid("check-go").click();
  await dinas.page.waitForSelector("[data-testid=check-result][data-verdict=altered]");

  // The Dinkes letter goes to Dinkes with its one proposal.
  await dinas.goto("inbox");
  await dinas.tid("cycle-letter-page").click();
  await dinkes.getByTestId("cycle-letter-open").click();
  await dinas.tid("letter").waitFor();
  assert.match(await dinas.tid("letter").textContent(), /Yth\. Kepala Dinas Kesehatan Kabupaten Karanganyar/);
  assert.equal(await dinas.tid("attachment-row").count(), 1);
  assert.match(await dinas.tid("attachment-row").textContent(), /Paiman.*Tasikmadu/);
  await printsLetterAndList(dinas, "cycle-letter-dinkes.pdf");

  // The paper steps, each lane in one batch with one PIN.
  await batch(dinas, OPERATOR.pin, 3);
  for (const who of [KABID, SEKDIN]) await addStaffMember(dinas, who, KADIS.pin);
  await signIn(dinas, KABID);
  await batch(dinas, KABID.pin, 3);
  await signIn(dinas, SEKDIN);
  await batch(dinas, SEKDIN.pin, 3);
  await signIn(dinas, KADIS);
  await batch(dinas, KADIS.pin, 3);

  // The diamond takes the scheme chosen at verification, nothing else.
  await signIn(dinas, OPERATOR);
  await dinas.goto(cases.Paiman);
  await dinas.page.waitForSelector("[data-testid=current-decision][data-node=scheme]");
  assert.match(await text(dinas, "decision-chosen"), /PBPU BP Pemda \(ke Dinkes\)/);
  assert.ok(await dinas.tid("answer-pbi_jk").isDisabled(), "the other scheme is not offered");
  await step(dinas, "scheme", () => dinas.tid("answer-pbpu_bp_pemda").click());
  await dinas.page.waitForSelector("[data-testid=current-step][data-node=send_dinkes]");
  // Its history names the letter at each paper step.
  await dinas.tid("timeline").locator("summary").click();
  await dinas.tid("timeline-paper").first().waitFor();
  assert.deepEqual(await dinas.tid("timeline-paper").allTextContents(), [second, second, second, second]);
  assert.match(await text(dinas, "timeline"), /Skema usulan = PBPU BP Pemda \(ke Dinkes\)/);
  dinas.assertNoConsoleErrors();
  await laptop.close();
});
