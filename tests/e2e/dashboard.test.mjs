// The district's dashboard and duplicates: two villages of Karanganyar
// send the same person's case; the office imports both, its dashboard
// shows this cycle's windows, four SVG charts (at laptop and phone width)
// and the NIK sent twice; side by side, a return without a reason is
// refused in words with nothing written, then the office merges the two:
// one case keeps what only the other knew, the other leaves the lanes, and
// the dashboard no longer lists the NIK. Or, from the import report, the
// office keeps one and returns the other: its village reads the reason.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { testEnvironment, Pandu, PHONE } from "./pandu.mjs";
import { download, text, makeOffice, sendFromVillage, importAll } from "./flows.mjs";

const env = testEnvironment();
const NIK = "3313014101900002";

/** A village phone sends the one NIK's case. */
const villageSends = (config, opts) => sendFromVillage(env, config, { nik: NIK, ...opts });

test("two villages send one NIK: the dashboard shows it, the office merges them", async () => {
  const laptop = await env.browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const dinas = await Pandu.open(laptop, env.server, "/pandu/", "settings");
  assert.equal(await dinas.tid("nav-dashboard").count(), 0, "no dashboard before district mode");
  await makeOffice(dinas, { officer: "Admin Dinsos", code: "33.13", pack: "karanganyar" });
  await dinas.tid("nav-dashboard").waitFor();
  const config = await download(dinas, "office-config");

  // An empty office: the charts say there is nothing yet.
  await dinas.goto("dashboard");
  await dinas.page.waitForSelector("[data-testid=dashboard-total][data-total='0']");
  await dinas.tid("dups-none").waitFor();
  assert.match(await text(dinas, "chart-villages"), /Belum ada kasus/);

  const jaten = await villageSends(config, { device: "HP Jaten", officer: "Sri Wahyuni", code: "33.13.01.2001", village: "Jaten" });
  const tasik = await villageSends(config, {
    device: "HP Tasikmadu", officer: "Bambang", code: "33.13.02.2002", village: "Tasikmadu", phone: "081234567890",
  });

  await importAll(dinas, [jaten, tasik]);

  // ---- The dashboard ----
  await dinas.tid("nav-dashboard").click();
  await dinas.page.waitForSelector("[data-testid=dashboard-total][data-total='2']");
  // Karanganyar's three windows, each with its four counts.
  const windows = await dinas.page.$$eval("[data-testid=window]", (ws) => ws.map((w) => ({
    node: w.dataset.node,
    counts: ["waiting", "missed", "coming", "at-risk"].map((k) => Number(w.querySelector(`[data-testid=window-${k}]`).dataset.count)),
    phase: w.querySelector("[data-testid=window-phase]").textContent,
  })));
  assert.deepEqual(windows.map((w) => w.node).sort(), ["check_dossier", "verify", "village_input"]);
  for (const w of windows) assert.match(w.phase, /dibuka|ditutup/);
  // Both cases stand at verification: in this cycle's window or after it.
  const verify = windows.find((w) => w.node === "verify");
  assert.equal(verify.counts[0] + verify.counts[1], 2, `both at verification: ${JSON.stringify(verify)}`);
  const dossier = windows.find((w) => w.node === "check_dossier");
  assert.equal(dossier.counts[2] + dossier.counts[3], 2, "both on their way to the dossier check");

  // Four charts, each an SVG image with its name; bars for both villages.
  const charts = await dinas.page.$$eval("figure.chart-box svg", (svgs) => svgs.map((s) => ({
    name: s.getAttribute("aria-label"), role: s.getAttribute("role"), text: s.textContent,
    width: s.getBoundingClientRect().width,
  })));
  assert.equal(charts.length, 4);
  for (const c of charts) assert.equal(c.role, "img");
  assert.match(charts[0].text, /Jaten/);
  assert.match(charts[0].text, /Tasikmadu/);
  assert.match(charts[2].name, /menunggu per pelaksana/);
  assert.match(charts[2].text, /Operator/);
  await dinas.page.waitForSelector(`[data-testid=dup-group][data-nik='${NIK}']`);
  // Each chart's title, with its unit, is on screen, not only read out.
  const titles = async () => dinas.page.$$eval("[data-testid=chart-title]", (ts) => ts.map((t) => {
    const r = t.getBoundingClientRect();
    return { text: t.textContent.trim(), shown: r.width > 0 && r.height > 0 && getComputedStyle(t).visibility !== "hidden" };
  }));
  const wide = await titles();
  assert.equal(wide.length, 4);
  for (const t of wide) assert.ok(t.shown && /\(jumlah kasus/.test(t.text), `a visible title with its unit: ${JSON.stringify(t)}`);
  await dinas.assertAccessible("the dashboard at laptop width");
  await dinas.page.setViewportSize({ width: 360, height: 740 });
  await dinas.assertFitsPhone("the dashboard");
  const narrow = await dinas.page.$$eval("figure.chart-box svg", (svgs) => svgs.map((s) => s.getBoundingClientRect().width));
  for (const w of narrow) assert.ok(w > 250 && w <= 360, `a chart fills a phone's width: ${w}`);
  assert.deepEqual(await titles(), wide, "the same titles, shown at phone width");
  await mkdir(new URL("../.output/", import.meta.url), { recursive: true });
  await dinas.page.screenshot({ path: new URL("../.output/dashboard-phone.png", import.meta.url).pathname, fullPage: true });
  await dinas.page.setViewportSize({ width: 1280, height: 900 });

  // ---- Side by side ----
  await dinas.tid("dup-group").locator("a").click();
  await dinas.page.waitForSelector("[data-testid=dup-case]");
  assert.equal(await dinas.tid("dup-case").count(), 2);
  const cards = await dinas.page.$$eval("[data-testid=dup-case]", (cs) => cs.map((c) => ({ id: c.dataset.case, text: c.textContent })));
  assert.ok(cards.some((c) => /Jaten/.test(c.text)) && cards.some((c) => /Tasikmadu/.test(c.text)));
  await dinas.assertAccessible("duplicates side by side");
  await dinas.page.setViewportSize({ width: 360, height: 740 });
  await dinas.assertFitsPhone("duplicates side by side");
  await dinas.page.setViewportSize({ width: 1280, height: 900 });

  // A return without a reason: refused in words; nothing written.
  await dinas.tid("dup-return").click();
  await dinas.tid("dup-problem").waitFor();
  assert.match(await text(dinas, "dup-problem"), /alasan/);
  assert.equal(await dinas.page.locator("[data-testid=dup-case][data-merged='']").count(), 2);

  // Keep the Jaten case (the one without the phone number); merge.
  const jatenCard = cards.find((c) => /Jaten/.test(c.text) && !/081234567890/.test(c.text));
  const tasikCard = cards.find((c) => c !== jatenCard);
  await dinas.page.locator(`[data-testid=dup-case][data-case='${jatenCard.id}'] [data-testid=dup-keep]`).check();
  await dinas.tid("dup-merge").click();
  await dinas.tid("dup-done").waitFor();
  await dinas.page.waitForSelector(`[data-testid=dup-case][data-case='${tasikCard.id}'][data-merged='${jatenCard.id}']`);
  assert.equal(await dinas.tid("dup-merge").count(), 0, "nothing left to decide");

  // The kept case gained Tasikmadu's phone number and names the merge.
  await dinas.goto(`cases/${jatenCard.id}`);
  await dinas.tid("applicant").waitFor();
  assert.equal(await dinas.tid("f-phone").inputValue(), "081234567890");
  await dinas.tid("timeline").locator("summary").click();
  await dinas.page.waitForFunction(
    (id) => [...document.querySelectorAll("[data-testid=timeline-event]")].some((e) => e.textContent.includes("Digabung dengan kasus ganda " + id)),
    tasikCard.id,
  );

  // The dashboard counts both cases, no duplicate left; only one waits.
  await dinas.goto("dashboard");
  await dinas.page.waitForSelector("[data-testid=dashboard-total][data-total='2']");
  await dinas.tid("dups-none").waitFor();
  const lanes = await dinas.page.locator("[data-testid=chart-lanes] svg").textContent();
  assert.match(lanes, /Operator[^0-9]*1/, `one case waits on the operator: ${lanes}`);
  assert.deepEqual(dinas.errors, []);
  await laptop.close();
});

test("keeping one case returns the other to its village with the reason", async () => {
  const laptop = await env.browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const dinas = await Pandu.open(laptop, env.server, "/pandu/", "settings");
  await makeOffice(dinas, { officer: "Admin Dinsos", code: "33.13", pack: "karanganyar" });
  const config = await download(dinas, "office-config");
  const jaten = await villageSends(config, { device: "HP Jaten", officer: "Sri Wahyuni", code: "33.13.01.2001", village: "Jaten" });
  const tasik = await villageSends(config, { device: "HP Tasikmadu", officer: "Bambang", code: "33.13.02.2002", village: "Tasikmadu", keep: true });
  await importAll(dinas, [jaten, tasik]);

  // The import report names the NIK Jaten sent already, and compares.
  await dinas.tid("import-compare").click();
  await dinas.page.waitForSelector("[data-testid=dup-case]");
  const cases = await dinas.page.$$eval("[data-testid=dup-case]", (cs) => cs.map((c) => ({ id: c.dataset.case, text: c.textContent })));
  const keep = cases.find((c) => /Jaten/.test(c.text));
  const back = cases.find((c) => c !== keep);
  await dinas.page.locator(`[data-testid=dup-case][data-case='${keep.id}'] [data-testid=dup-keep]`).check();
  await dinas.tid("dup-reason").fill("Sudah diusulkan oleh Desa Jaten");
  await dinas.tid("dup-return").click();
  await dinas.tid("dup-done").waitFor();
  await dinas.page.waitForSelector(`[data-testid=dup-case][data-case='${back.id}'][data-settled=true] [data-testid=dup-answer][data-state=returned]`);
  assert.equal(await dinas.tid("dup-merge").count(), 0, "nothing left to decide");

  // The returned case leaves the lanes: its step is refused in words,
  // nothing is recorded, and it cannot be answered or proposed.
  await dinas.goto(`cases/${back.id}`);
  await dinas.page.waitForSelector("[data-testid=current-step][data-node=verify]");
  await dinas.tid("complete-step").click();
  await dinas.tid("step-blocked").waitFor();
  assert.match(await text(dinas, "step-blocked"), /dikembalikan/);
  assert.equal(await dinas.tid("answer-form").count(), 0);
  assert.match(await text(dinas, "answer-closed-why"), /dikembalikan/);
  await dinas.page.waitForSelector("[data-testid=current-step][data-node=verify]");

  // Out of the operator's lane; no duplicate left on the dashboard.
  await dinas.goto("dashboard");
  await dinas.page.waitForSelector("[data-testid=dashboard-total][data-total='2']");
  await dinas.tid("dups-none").waitFor();
  assert.match(await dinas.page.locator("[data-testid=chart-lanes] svg").textContent(), /Operator[^0-9]*1/);

  // The answer reaches Tasikmadu with the reason.
  await dinas.goto("send");
  const peer = dinas.tid("answer-peer").filter({ hasText: "HP Tasikmadu" });
  await peer.waitFor();
  await peer.getByTestId("answers-make").click();
  await dinas.tid("bundle-made").waitFor();
  const answer = await download(dinas, "bundle-download");
  const { desa, context } = tasik;
  await desa.goto("receive");
  await desa.tid("receive-file").setInputFiles({ name: answer.name, mimeType: "application/octet-stream", buffer: answer.buffer });
  await desa.tid("import-report").waitFor();
  await desa.goto(`cases/${back.id}`);
  await desa.page.waitForSelector("[data-testid=case-answer][data-state=returned]");
  assert.equal(await text(desa, "case-answer-reason"), "Sudah diusulkan oleh Desa Jaten");
  assert.deepEqual(desa.errors, []);
  assert.deepEqual(dinas.errors, []);
  await context.close();
  await laptop.close();
});
