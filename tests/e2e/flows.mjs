// Steps the end-to-end tests share: downloads, saves, walking a case,
// reading a QR code back with a real decoder.
import { readFile } from "node:fs/promises";
import assert from "node:assert/strict";
import jsQR from "jsqr";

/** Clicks `button` and returns the bytes the browser downloads. */
export async function download(app, button) {
  const [dl] = await Promise.all([app.page.waitForEvent("download"), app.tid(button).click()]);
  return { name: dl.suggestedFilename(), buffer: await readFile(await dl.path()) };
}

export async function waitSaved(app) {
  await app.page.waitForSelector('.save-note[data-state=saved][data-typing="0"]');
}

export async function step(app, node, action) {
  await app.page.waitForSelector(`[data-node="${node}"]`);
  await action();
  await app.page.waitForFunction((n) => !document.querySelector(`[data-node="${n}"]`), node);
}

export async function mark(app, doc) {
  await app.tid(`present-${doc}`).click();
  await app.page.waitForSelector(`[data-testid=doc-${doc}][data-state=doc-present]`);
}

/** Decodes the QR code drawn by the SVG at `selector` with jsQR. */
export async function scanQr(app, selector) {
  const size = 600;
  const base64 = await app.page.evaluate(async ({ selector, size }) => {
    const svg = document.querySelector(selector).outerHTML;
    const img = new Image();
    img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg);
    await img.decode();
    const c = document.createElement("canvas");
    c.width = c.height = size;
    const ctx = c.getContext("2d");
    ctx.drawImage(img, 0, 0, size, size);
    const bytes = ctx.getImageData(0, 0, size, size).data;
    let s = "";
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }, { selector, size });
  const rgba = new Uint8ClampedArray(Buffer.from(base64, "base64"));
  return jsQR(rgba, size, size)?.data;
}

export const manifestOf = (envelopeJson) => JSON.parse(Buffer.from(JSON.parse(envelopeJson).payload, "base64").toString());

/** A small photo made by the browser, as a picked file; `label` is drawn
 * on it, so photos of different documents differ. */
export async function photo(app, label = "KTP 3214014101900002") {
  const base64 = await app.page.evaluate((label) => {
    const c = document.createElement("canvas");
    c.width = 800;
    c.height = 600;
    const ctx = c.getContext("2d");
    ctx.fillStyle = "#cde";
    ctx.fillRect(0, 0, 800, 600);
    ctx.fillStyle = "#123";
    ctx.font = "48px sans-serif";
    ctx.fillText(label, 40, 300);
    return c.toDataURL("image/png").split(",")[1];
  }, label);
  return { name: "ktp.png", mimeType: "image/png", buffer: Buffer.from(base64, "base64") };
}

/** Photographs `doc` (its own picture) and waits until it is shown. */
export async function snap(app, doc) {
  await app.tid(`photo-${doc}`).setInputFiles(await photo(app, `${doc.toUpperCase()} 3214014101900002`));
  await app.page.waitForSelector(`[data-testid=doc-${doc}][data-state=doc-present] img`);
}

export const text = async (app, id) => (await app.tid(id).textContent()).trim();

/** RFC 4180 with `;` between fields and CRLF after each line. */
export function parseCsv(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ";") { row.push(field); field = ""; }
    else if (c === "\r" && text[i + 1] === "\n") { row.push(field); rows.push(row); row = []; field = ""; i++; }
    else field += c;
  }
  assert.equal(field + row.join(""), "", "the file ends with CRLF");
  return rows;
}

/** Makes `app`'s device the district office of `pack` (district mode). */
export async function makeOffice(app, { officer = "Pak Staf", code, pack }) {
  await app.toOffice();
  await app.saveProfile({ device: "Laptop Dinsos", officer, village: "" });
  await app.tid("profile-saved").waitFor();
  await app.tid("office-create").locator("summary").click();
  await app.tid("office-code").fill(code);
  await app.tid("office-pack").selectOption(pack);
  await app.tid("office-make").click();
  await app.tid("office-fingerprint").waitFor();
}

/** Fills the applicant's fields (`sex` is a select, the rest inputs). */
export async function fillApplicant(app, fields) {
  for (const [f, v] of Object.entries(fields)) {
    if (f === "sex") await app.tid(`f-${f}`).selectOption(v);
    else await app.tid(`f-${f}`).fill(v);
  }
}

/** Adds `who` ({name, role, pin, rank, nip}) to the office's staff in
 * Settings (`head`: the office head's PIN, once there is a head), then
 * signs them in. */
export async function addStaffMember(app, who, head) {
  await app.goto("settings");
  await app.tid("staff-name").fill(who.name);
  await app.tid("staff-role").selectOption(who.role);
  if (who.rank) await app.tid("staff-rank").fill(who.rank);
  if (who.nip) await app.tid("staff-nip").fill(who.nip);
  await app.tid("staff-pin").fill(who.pin);
  await app.tid("staff-pin-again").fill(who.pin);
  if (head !== undefined) await app.tid("staff-auth-pin").fill(head);
  await app.tid("staff-add").click();
  await app.page.locator("[data-testid=staff-member]", { hasText: who.name }).waitFor();
  await signIn(app, who);
}

/** Signs `who` ({name, role, pin}) in on the inbox, signing out whoever was in. */
export async function signIn(app, who) {
  await app.goto("inbox");
  await app.tid("sign-out").or(app.tid("sign-in-who")).waitFor();
  if (await app.tid("sign-out").count()) await app.tid("sign-out").click();
  await app.tid("sign-in-who").selectOption({ label: who.name });
  await app.tid("sign-in-pin").fill(who.pin);
  await app.tid("sign-in-go").click();
  await app.page.waitForSelector(`[data-testid=signed-in][data-role=${who.role}]`);
}

/** A village phone (`env`'s browser, phone sized) trusts the office's
 * `config`, records one Karanganyar proposal for `nik` ({full_name,
 * kk, sex, birth_date, village, district, phone} as given), sends it and
 * returns its device card and bundle (with `keep`, also the page). */
export async function sendFromVillage(env, config, { device, officer, code, village, nik, phone, keep = false, full_name = "Suparmi", kk = "3313010101200001", sex = "female", birth_date = "1990-01-01", district }) {
  const { Pandu, PHONE } = await import("./pandu.mjs");
  const context = await env.browser.newContext({ ...PHONE, acceptDownloads: true });
  const desa = await Pandu.open(context, env.server, "/pandu/", "settings");
  await desa.saveProfile({ device, officer, village: code });
  await desa.tid("profile-saved").waitFor();
  await desa.tid("district-file").setInputFiles({ name: config.name, mimeType: "application/json", buffer: config.buffer });
  await desa.tid("district-trust").click();
  await desa.tid("district-name").waitFor();
  const card = await download(desa, "device-card");
  await desa.goto("procedures");
  await desa.tid("regency").selectOption("karanganyar");
  const bundle = await sendAnother(desa, { full_name, nik, kk, sex, birth_date, village, district, phone });
  assert.deepEqual(desa.errors, []);
  if (keep) return { card, bundle, desa, context };
  await context.close();
  return { card, bundle };
}

/** On a village phone set up by `sendFromVillage`, records one more
 * Karanganyar proposal (`fields` as there) and sends it; returns the bundle. */
export async function sendAnother(desa, { full_name, nik, kk, sex, birth_date, village, district, phone }) {
  await desa.goto("");
  await desa.tid("new-case").click();
  await desa.tid("start-pbi_pbpu_proposal").click();
  await desa.tid("applicant").waitFor();
  const fields = { full_name, nik, kk, sex, birth_date, village };
  if (district) fields.district = district;
  if (phone) fields.phone = phone;
  await fillApplicant(desa, fields);
  await waitSaved(desa);
  for (const doc of ["kk", "ktp"]) await mark(desa, doc);
  if (await desa.tid("present-akte").count()) await mark(desa, "akte");
  await step(desa, "village_input", () => desa.tid("complete-step").click());
  await waitSaved(desa);
  await desa.tid("nav-send").click();
  await desa.page.waitForURL(/\/send$/);
  await desa.passVault();
  await desa.tid("send-case").first().waitFor();
  await desa.tid("send-make").click();
  await desa.tid("bundle-made").waitFor();
  return download(desa, "bundle-download");
}

/** The office enrols each village's device and imports its bundle. */
export async function importAll(dinas, sent) {
  for (const [i, { card, bundle }] of sent.entries()) {
    await dinas.goto("devices");
    await dinas.tid("device-card-file").setInputFiles({ name: card.name, mimeType: "application/json", buffer: card.buffer });
    await dinas.tid("device-approve").click();
    await dinas.page.waitForFunction(
      (n) => document.querySelectorAll("[data-testid=device-row][data-standing=enrolled]").length === n,
      i + 1,
    );
    await dinas.goto("receive");
    await dinas.tid("receive-file").setInputFiles({ name: bundle.name, mimeType: "application/octet-stream", buffer: bundle.buffer });
    await dinas.tid("import-report").waitFor();
    assert.equal(await text(dinas, "import-new"), "1");
  }
}
