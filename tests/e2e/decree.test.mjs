// Banjarbaru's decree attachment list: the mutations handed to BPJS in
// this cycle, under the Head of Office's decree heading. A draft until the
// register numbers it; then its QR code, read by a real decoder, names the
// attachment, the cycle, the number and a fingerprint of every row. A case
// added to the cycle afterwards makes the page say the list has changed,
// and a new number covers the list as it is; the register shows both.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import { testEnvironment, Pandu } from "./pandu.mjs";
import { waitSaved, step, mark, scanQr, text, makeOffice, fillApplicant, addStaffMember } from "./flows.mjs";

const env = testEnvironment();

/** A mutation case walked on the office laptop to BPJS's step. */
async function handOver(app, name, nik) {
  await app.goto("");
  await app.tid("new-case").click();
  await app.tid("start-mutation").click();
  await app.tid("applicant").waitFor();
  const fields = { full_name: name, nik, kk: "6372010101200001", address: "Jl. A. Yani Km 33", village: "Loktabat Utara" };
  await fillApplicant(app, fields);
  await waitSaved(app);
  for (const node of ["apply", "kelurahan_letter", "submit"]) {
    await app.page.waitForSelector(`[data-testid=current-step][data-node=${node}]`);
    for (const doc of ["ktp", "kk", "kis", "resignation_statement", "kelurahan_letter", "employer_letter"]) {
      const button = app.tid(`present-${doc}`);
      if (await button.count() && await button.isVisible()) await mark(app, doc);
    }
    await step(app, node, () => app.tid("complete-step").click());
  }
  await app.page.waitForSelector("[data-testid=current-step][data-node=bpjs_process]");
  await waitSaved(app);
}

test("Banjarbaru's decree attachment: a numbered cycle list with its QR, renumbered when the list changes", async () => {
  const laptop = await env.browser.newContext({ acceptDownloads: true });
  const app = await Pandu.open(laptop, env.server, "/pandu/", "settings");
  await makeOffice(app, { officer: "Bu Staf", code: "63.72", pack: "banjarbaru" });
  await app.goto("procedures");
  assert.equal(await app.tid("regency").inputValue(), "banjarbaru", "the office's own regency first");
  await app.tid("regency").selectOption("banjarbaru");

  // A cycle without cases: an empty table, and no number to give.
  const empty = new Date();
  await app.goto(`decrees/lampiran_sk_pbi_apbd/${empty.getFullYear() - 1}-01`);
  await app.tid("decree-empty").waitFor();
  assert.equal(await app.tid("decree-row").count(), 0);
  assert.equal(await app.tid("decree-issue").count(), 0);

  await handOver(app, "Siti Aminah", "6372014101900002");

  // From the list's card on the inbox page, for the cycle shown.
  await app.goto("inbox");
  await app.page.waitForSelector("[data-testid=list][data-list=bnba_mutasi] [data-testid=decree-open]");
  await app.page.locator("[data-testid=list][data-list=bnba_mutasi] [data-testid=decree-open]").click();
  await app.tid("decree").waitFor();
  await app.tid("decree-draft").waitFor();
  assert.equal(await app.tid("decree-row").count(), 1);
  assert.equal(await app.tid("decree-print").count(), 0, "a draft is not printed");
  const cycle = app.page.url().split("/decrees/lampiran_sk_pbi_apbd/")[1];
  assert.match(cycle, /^\d{4}-\d{2}$/);
  const sheet = await app.tid("decree").textContent();
  for (const words of ["PEMERINTAH KOTA BANJARBARU", "LAMPIRAN KEPUTUSAN KEPALA DINAS SOSIAL KOTA BANJARBARU", "Siti Aminah", "6372014101900002", "Kepala Dinas Sosial Kota Banjarbaru"]) {
    assert.ok(sheet.includes(words), `the attachment says ${words}`);
  }
  await app.assertAccessible("a draft decree attachment");

  // Nobody to sign it yet: said, and no number given.
  assert.match(await text(app, "decree-no-signer"), /Kepala Dinas/);
  await app.tid("decree-issue").click();
  await app.tid("decree-problem").waitFor();
  assert.equal(await app.tid("decree-print").count(), 0);
  const draftUrl = app.route();
  await addStaffMember(app, { name: "Drs. H. Rusdiansyah", role: "kadis", pin: "4444", nip: "196905121994031007" });
  // With staff, each step is its lane's: the Staf works the cases.
  await addStaffMember(app, { name: "Bu Staf", role: "staf", pin: "1111" }, "4444");
  await app.goto(draftUrl);
  await app.tid("decree-draft").waitFor();
  assert.equal(await app.tid("decree-no-signer").count(), 0);
  await app.tid("decree-issue").click();
  await app.tid("decree-print").waitFor();
  assert.equal(await text(app, "sign-nip"), "NIP. 196905121994031007");
  const now = new Date();
  const roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"][now.getMonth()];
  const first = await app.tid("decree").getAttribute("data-number");
  assert.equal(first, `400.9/001/Dinsos-BJB/${roman}/${now.getFullYear()}`);
  assert.ok((await app.tid("decree").textContent()).includes(`NOMOR ${first}`));
  assert.equal(await app.tid("decree-changed").count(), 0);
  const digest = await app.tid("decree").getAttribute("data-digest");
  const scanned = await scanQr(app, "[data-testid=decree-qr] svg");
  assert.equal(scanned, `pandu-lampiran|1|lampiran_sk_pbi_apbd|${cycle}|${first}|${digest}`);
  await app.assertAccessible("a numbered decree attachment");

  // Printed: only the sheet, on A4.
  await app.page.emulateMedia({ media: "print" });
  const shown = await app.page.evaluate(() => {
    const visible = (sel) => document.querySelector(sel).getBoundingClientRect().height > 0;
    return { nav: visible("nav.tabs"), button: visible("[data-testid=decree-print]"), sheet: visible("[data-testid=decree]") };
  });
  assert.deepEqual(shown, { nav: false, button: false, sheet: true }, "only the sheet prints");
  await mkdir(".output", { recursive: true });
  await writeFile(".output/decree-a4.png", await app.page.screenshot({ fullPage: true }));
  const pdf = await app.page.pdf({ preferCSSPageSize: true, printBackground: true });
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
  assert.equal(pages.length, 1, "one case fits one A4 page");
  await app.page.emulateMedia({ media: "screen" });

  // Another case reaches BPJS in the same cycle: the numbered list is old.
  await handOver(app, "Ahmad Fauzi", "6372010101850003");
  await app.goto(`decrees/lampiran_sk_pbi_apbd/${cycle}`);
  await app.tid("decree-changed").waitFor();
  assert.match(await app.tid("decree-changed").textContent(), /1 kasus.*daftar sekarang 2 kasus/);
  // What prints is the sheet as numbered: one row, its number and digest
  // (the QR still matches the register), never the new list under it.
  assert.equal(await app.tid("decree-row").count(), 1);
  assert.equal(await app.tid("decree").getAttribute("data-number"), first, "shown under its old number until renumbered");
  assert.equal(await app.tid("decree").getAttribute("data-digest"), digest, "the old sheet, unchanged");
  assert.equal(await scanQr(app, "[data-testid=decree-qr] svg"), scanned);
  assert.match(await text(app, "decree-print"), /Cetak ulang lembar lama/);
  await app.tid("decree-issue").click();
  await app.page.waitForFunction((n) => document.querySelector("[data-testid=decree]")?.dataset.number !== n, first);
  assert.equal(await app.tid("decree").getAttribute("data-number"), `400.9/002/Dinsos-BJB/${roman}/${now.getFullYear()}`);
  assert.equal(await app.tid("decree-changed").count(), 0);
  assert.equal(await app.tid("decree-row").count(), 2, "the new number prints the list as it is now");
  assert.match(await text(app, "decree-print"), /^Cetak$/);
  // The old sheet, printed before the change, is still genuine for its number.
  await app.goto("periksa");
  await app.tid("check-text").fill(scanned);
  await app.tid("check-go").click();
  await app.page.waitForSelector("[data-testid=check-result][data-verdict=genuine]");

  // The register lists both numbers.
  await app.goto("inbox");
  await app.tid("register-row").first().waitFor();
  assert.equal(await app.tid("register-row").count(), 2, "the refused try took no number");
  assert.match(await text(app, "register"), /Dinsos-BJB/);
  assert.match(await text(app, "register"), /Lampiran SK Kepala Dinas/, "the register names the attachment, not its id");
  app.assertNoConsoleErrors();
  await laptop.close();
});
