// The regency's procedures from its pack, drawn as flowcharts, offline too;
// a broken pack is refused with every problem and the last good one stays.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { testEnvironment, Pandu, PHONE, BUILDS } from "./pandu.mjs";

const env = testEnvironment();

/** Whether `text` contains `words`, ignoring where the chart wrapped lines. */
const shows = (text, words) => text.replace(/\s+/g, "").includes(words.replace(/\s+/g, ""));

test("the procedures page lists a regency's procedures and remembers the choice", async () => {
  const context = await env.browser.newContext(PHONE);
  const app = await Pandu.open(context, env.server);
  await app.tid("nav-procedures").click();
  assert.equal(await app.h1(), "Prosedur SOP");
  await app.tid("procedure-card").first().waitFor();
  assert.equal(await app.tid("procedure-card").count(), 1);
  assert.match(await app.tid("procedure-card").textContent(), /61\.1\.C\.041\/1\/2020/);
  const regencies = await app.tid("regency").locator("option").allTextContents();
  assert.deepEqual(regencies, ["Kabupaten Purwakarta", "Kabupaten Karanganyar", "Kota Palembang", "Kota Banjarbaru", "Kabupaten Pesisir Selatan"]);

  await app.tid("regency").selectOption("palembang");
  await app.page.waitForFunction(() => document.querySelectorAll("[data-testid=procedure-card]").length === 2);
  assert.match(await app.tid("procedure-card").first().textContent(), /Direkonstruksi: perlu dikonfirmasi/);
  await app.assertAccessible("procedures");
  await app.assertFitsPhone("procedures");

  await app.page.reload();
  await app.ready();
  await app.tid("procedure-card").first().waitFor();
  assert.equal(await app.tid("regency").inputValue(), "palembang");
  app.assertNoConsoleErrors();
  await context.close();
});

test("a procedure is drawn from its data: shapes, lanes, labelled branches, times", async () => {
  const context = await env.browser.newContext(PHONE);
  const app = await Pandu.open(context, env.server, "/pandu/", "procedures/purwakarta/enrolment");
  const chart = app.tid("flowchart");
  await chart.waitFor();
  assert.match(await app.tid("procedure-title").textContent(), /Penyandang Masalah Sosial/);
  assert.equal(await chart.locator("[data-node]").count(), 12, "every node of the pack");
  assert.equal(await chart.locator("[data-edge]").count(), 12, "every edge of the pack");
  assert.equal(await chart.locator("polygon.fc-decision").count(), 2, "two diamonds");
  assert.equal(await chart.locator("rect.fc-capsule").count(), 3, "start and two ends");
  assert.equal(await chart.locator("rect.fc-step").count(), 7, "seven steps");
  const text = await chart.textContent();
  for (const words of ["Mulai", "10 menit", "25 menit", "Ya", "Tidak", "Dikembalikan"]) assert.ok(shows(text, words), `chart shows ${words}`);
  assert.match(await chart.locator('[data-edge="in_bdt>enter_bdt"]').textContent(), /Tidak/);
  assert.match(await chart.locator('[data-edge="admin_complete>declare_bdt"]').textContent(), /Ya/);
  // The chart fits the phone: its drawing is no wider than the screen.
  const box = await chart.boundingBox();
  assert.ok(box.width <= 360, `chart is ${box.width}px wide`);
  await app.assertAccessible("flowchart");
  await app.assertFitsPhone("flowchart");

  // In English the same chart speaks English.
  await app.tid("nav-settings").click();
  await app.tid("lang-en").check();
  await app.page.goBack();
  await app.tid("flowchart").waitFor();
  const english = await app.tid("flowchart").textContent();
  for (const words of ["Start", "10 minutes", "Yes", "No"]) assert.ok(shows(english, words), `English chart shows ${words}`);
  app.assertNoConsoleErrors();
  await context.close();
});

test("every shipped procedure draws, including month windows and cut-offs", async () => {
  const context = await env.browser.newContext(PHONE);
  const app = await Pandu.open(context, env.server);
  for (const [path, words] of [
    ["karanganyar/pbi_pbpu_proposal", ["Tanggal 1\u201315 setiap bulan", "2\u20133 jam", "PBI-JK (ke Kemensos)"]],
    ["palembang/urgent_sick", ["Hari yang sama"]],
    ["palembang/newborn", ["Tidak"]],
    ["banjarbaru/mutation", ["Paling lambat tanggal 25"]],
    ["banjarbaru/verivali", ["15 hari"]],
    ["pesisir-selatan/bpjs_recommendation", ["1 menit", "Ditolak"]],
  ]) {
    await app.goto(`procedures/${path}`);
    await app.tid("flowchart").waitFor();
    const text = await app.tid("flowchart").textContent();
    for (const w of words) assert.ok(shows(text, w), `${path} shows ${w}`);
    await app.assertFitsPhone(path);
  }
  await app.goto("procedures/purwakarta/nope");
  await app.tid("procedure-missing").waitFor();
  app.assertNoConsoleErrors();
  await context.close();
});

test("procedures and their flowcharts open offline after one visit", async () => {
  const context = await env.browser.newContext(PHONE);
  const app = await Pandu.open(context, env.server, "/pandu/", "procedures");
  await app.offlineReady();
  await app.tid("procedure-card").first().waitFor();
  await context.setOffline(true);
  await app.goto("procedures/pesisir-selatan/bpjs_recommendation");
  await app.tid("flowchart").waitFor();
  assert.equal(await app.tid("flowchart").locator("rect.fc-step").count(), 7);
  app.assertNoConsoleErrors();
  await context.close();
});

test("a broken pack is refused with every problem listed, and the last good version stays", async () => {
  // Without the service worker, so the changed file comes from the site.
  const context = await env.browser.newContext({ ...PHONE, serviceWorkers: "block" });
  const app = await Pandu.open(context, env.server, "/pandu/", "procedures");
  await app.tid("procedure-card").first().waitFor();

  const good = JSON.parse(await readFile(join(BUILDS[0].root, "packs/karanganyar.json"), "utf8"));
  const bad = structuredClone(good);
  bad.version = good.version + 1;
  const nodes = bad.procedures[0].nodes;
  nodes.find((n) => n.id === "kabid_review").actor = "bupati";
  nodes.find((n) => n.id === "verify").time = { kind: "month_window", from_day: 20, to_day: 15 };
  env.server.override("/pandu/", "packs/karanganyar.json", JSON.stringify(bad));
  env.server.override("/pandu/", "packs/banjarbaru.json", "{ \"id\": \"banjarbaru\", ");
  try {
    await app.page.reload();
    await app.ready();
    const refused = app.tid("packs-refused");
    await refused.waitFor();
    const text = await refused.textContent();
    assert.match(text, /Paket prosedur ditolak/);
    assert.match(text, /karanganyar\.json/);
    assert.match(text, /simpul «kabid_review»: peran «bupati» tidak ada di daftar pelaksana/);
    assert.match(text, /simpul «verify»: standar waktu tidak masuk akal: tanggal awal sesudah tanggal akhir/);
    assert.match(text, /banjarbaru\.json/);
    assert.match(text, /Baris 1, kolom \d+: berkas tidak bisa dibaca/);
    assert.match(text, /Versi terakhir yang baik tetap dipakai/);
    await app.assertAccessible("refused packs");

    // Karanganyar's good version, stored on the first visit, is still in use.
    await app.tid("regency").selectOption("karanganyar");
    await app.page.waitForFunction((v) => new RegExp(`Versi paket ${v}`).test(document.querySelector("main").textContent), good.version);
    await app.tid("procedure-card").first().waitFor();
    assert.match(await app.tid("procedure-card").textContent(), /PBI-JK dan PBPU BP Pemda/);
    app.assertNoConsoleErrors();
  } finally {
    env.server.override("/pandu/", "packs/karanganyar.json", JSON.stringify(good));
    env.server.override("/pandu/", "packs/banjarbaru.json", await readFile(join(BUILDS[0].root, "packs/banjarbaru.json")));
  }
  await context.close();
});
