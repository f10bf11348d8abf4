// Every page at 360x640, as a village phone and as the office laptop's
// pages would show on a phone: the document never scrolls sideways, the
// navigation is one row of at most 64 px in the page's flow, every target
// is at least 24x24 px and primary actions at least 44 px tall (WCAG 2.2
// 2.5.8), no word is broken across lines, and axe finds nothing serious.
import { test } from "node:test";
import assert from "node:assert/strict";
import { testEnvironment, Pandu, PHONE } from "./pandu.mjs";
import { makeOffice, waitSaved, fillApplicant } from "./flows.mjs";

const env = testEnvironment();

/** What is wrong with the layout of the page shown now. */
async function layoutProblems(app) {
  return app.page.evaluate(() => {
    const problems = [];
    const visible = (el) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.display !== "none" && !el.closest(".visually-hidden, [hidden], details:not([open]) > :not(summary)");
    };
    const overflow = document.documentElement.scrollWidth - window.innerWidth;
    if (overflow > 0) problems.push(`the page scrolls sideways by ${overflow}px`);
    const nav = document.querySelector("nav.tabs");
    const navBox = nav.getBoundingClientRect();
    if (navBox.height > 64) problems.push(`the navigation is ${Math.round(navBox.height)}px tall`);
    if (["fixed", "sticky"].includes(getComputedStyle(nav).position)) problems.push("the navigation covers content");
    // Targets. A link inside a sentence is exempt (WCAG 2.5.8 "inline").
    const inline = (el) => el.tagName === "A" && [...el.parentElement.childNodes].some((n) => n !== el && n.nodeType === 3 && n.textContent.trim());
    for (const el of document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary, label.btn")) {
      if (!visible(el) || inline(el)) continue;
      if (el.matches("input.visually-hidden")) continue;
      // A radio or checkbox is tapped through the label around it.
      const target = el.matches("input[type=radio], input[type=checkbox]") && el.closest("label") ? el.closest("label") : el;
      const r = target.getBoundingClientRect();
      const name = el.dataset.testid || el.textContent.trim().slice(0, 30) || el.tagName;
      if (r.width < 24 || r.height < 24) problems.push(`target "${name}" is ${Math.round(r.width)}x${Math.round(r.height)}`);
      if (el.matches(".btn-primary, nav a") && r.height < 44) problems.push(`primary "${name}" is ${Math.round(r.height)}px tall`);
    }
    // Words broken across lines: a word whose range spans two line boxes.
    const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !visible(el) || el.closest("svg, pre, code, .fingerprint, .qr, input, textarea, select, option")) continue;
      // Lines may break at a space, after a hyphen ("JKN-" / "KIS") or a
      // slash ("desa/" / "kelurahan").
      const re = /[^\s\-\u2010\u2013\u2014/]+/g;
      let m;
      while ((m = re.exec(n.textContent))) {
        const word = m[0];
        if (word.length < 4) continue;
        range.setStart(n, m.index);
        range.setEnd(n, m.index + word.length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        // A string longer than the whole line may break; a word may not.
        if (tops.size > 1 && range.getBoundingClientRect().width < el.getBoundingClientRect().width) {
          problems.push(`"${word}" is broken across lines`);
        }
      }
    }
    return problems;
  });
}

async function check(app, route, label) {
  await app.goto(route);
  await app.page.waitForSelector("main h1");
  // Let lazy sections (lists, counts) arrive.
  await app.page.waitForTimeout(300);
  assert.deepEqual(await layoutProblems(app), [], `${label} (${route || "home"})`);
  await app.assertAccessible(label);
}

test("every village page fits a phone: no sideways scroll, thumb-sized targets, whole words", async () => {
  const context = await env.browser.newContext(PHONE);
  const app = await Pandu.open(context, env.server, "/pandu/", "settings");
  await check(app, "settings", "settings, first visit");
  await app.saveProfile({ device: "HP Desa Sukamaju", officer: "Siti Aminah", village: "32.14.01.2001" });
  await app.tid("profile-saved").waitFor();
  await app.goto("procedures");
  await app.tid("regency").selectOption("palembang");
  await app.goto("");
  await app.tid("new-case").click();
  await app.tid("start-newborn").click();
  await app.tid("applicant").waitFor();
  await fillApplicant(app, { full_name: "Bayi Ny. Sari", nik: "1671014110260001", birth_date: "2026-10-01", sex: "female" });
  await waitSaved(app);
  const caseRoute = app.route();
  // A newborn's record asks for the baby's name; the reconstructed SOP says so.
  assert.match(await app.page.locator("label[for=f-full_name]").textContent(), /Nama bayi/);
  assert.match(await app.tid("procedure-note").textContent(), /Direkonstruksi/);
  for (const [route, label] of [
    ["", "the case list"],
    ["cases/new", "the new-case picker"],
    [caseRoute, "a case (the documents with their photo buttons)"],
    ["procedures", "the procedures"],
    ["procedures/palembang/newborn", "a flowchart"],
    ["send", "send"],
    ["receive", "receive"],
    ["settings", "settings"],
    ["about", "about"],
    ["no-such-page", "not found"],
  ]) {
    await check(app, route, label);
  }
  app.assertNoConsoleErrors();
  await context.close();
});

test("every office page fits a phone too", async () => {
  const context = await env.browser.newContext(PHONE);
  const app = await Pandu.open(context, env.server, "/pandu/", "settings");
  await makeOffice(app, { code: "33.13", pack: "karanganyar" });
  for (const [route, label] of [
    ["", "the office's case list"],
    ["inbox", "the inbox"],
    ["dashboard", "the dashboard"],
    ["devices", "village devices"],
    ["send", "answers"],
    ["receive", "receive"],
    ["settings", "office settings"],
    ["cases/new", "a walk-in"],
    ["periksa", "the QR check"],
    [`letters/permohonan_usulan/${new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 7)}`, "a cycle's letters"],
  ]) {
    await check(app, route, label);
  }
  app.assertNoConsoleErrors();
  await context.close();
});
