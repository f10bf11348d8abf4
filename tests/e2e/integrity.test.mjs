// What is stored stays whole and readable only by the app (issue 17):
// a crashed tab keeps what was typed half a second before; two tabs on
// one case see each other's changes; hostile text is cut and cleaned as
// it is typed; the page runs no script but its own.
import { test } from "node:test";
import assert from "node:assert/strict";
import { testEnvironment, Pandu, PHONE } from "./pandu.mjs";

const env = testEnvironment();

async function villagePhone() {
  const context = await env.browser.newContext(PHONE);
  const app = await Pandu.open(context, env.server, "/pandu/", "settings");
  await app.offlineReady();
  await app.saveProfile({ device: "HP Desa Sukamaju", officer: "Siti Aminah", village: "32.14.01.2001" });
  await app.tid("profile-saved").waitFor();
  await app.goto("procedures");
  await app.tid("regency").selectOption("purwakarta");
  await context.setOffline(true);
  await app.goto("");
  await app.tid("new-case").click();
  await app.tid("start-enrolment").click();
  await app.tid("applicant").waitFor();
  return { context, app, url: app.page.url() };
}

async function waitSaved(app) {
  await app.page.waitForSelector('.save-note[data-state=saved][data-typing="0"]');
}

async function openAgain(context, url) {
  const app = new Pandu(await context.newPage(), env.server);
  await app.page.goto(url);
  await app.ready();
  await app.tid("applicant").waitFor({ state: "attached" });
  return app;
}

test("a crashed tab keeps what was typed half a second before", async () => {
  const { context, app, url } = await villagePhone();
  await app.tid("f-full_name").fill("Siti Aminah");
  await waitSaved(app);
  await app.tid("f-address").fill("Jl. Veteran No. 5");
  await app.page.waitForTimeout(500);
  const cdp = await context.newCDPSession(app.page);
  cdp.send("Page.crash").catch(() => {});
  await app.page.waitForEvent("crash");
  const again = await openAgain(context, url);
  assert.equal(await again.tid("f-address").inputValue(), "Jl. Veteran No. 5");
  assert.equal(await again.tid("f-full_name").inputValue(), "Siti Aminah");
  again.assertNoConsoleErrors();
  await context.close();
});

test("two tabs on one case: each sees the other's change and is told", async () => {
  const { context, app: first, url } = await villagePhone();
  const second = await openAgain(context, url);
  await first.tid("f-full_name").fill("Siti Aminah");
  await waitSaved(first);
  await second.tid("case-other-tab").waitFor();
  await second.page.waitForFunction(() => document.querySelector("[data-testid=f-full_name]").value === "Siti Aminah");
  assert.equal(await second.tid("case-name").textContent(), "Siti Aminah");
  // The second tab's change reaches the first the same way.
  await second.tid("f-address").fill("Jl. Mawar 3");
  await waitSaved(second);
  await first.tid("case-other-tab").waitFor();
  await first.page.waitForFunction(() => document.querySelector("[data-testid=f-address]").value === "Jl. Mawar 3");
  assert.match(await first.tid("case-other-tab").textContent(), /tab atau jendela Pandu lain/);
  // Neither lost the other's value: a third look at the stored case.
  const third = await openAgain(context, url);
  assert.equal(await third.tid("f-full_name").inputValue(), "Siti Aminah");
  assert.equal(await third.tid("f-address").inputValue(), "Jl. Mawar 3");
  first.assertNoConsoleErrors();
  second.assertNoConsoleErrors();
  await context.close();
});

test("hostile text: direction overrides dropped, lengths stopped at the limit, nothing wider than the phone", async () => {
  const { context, app, url } = await villagePhone();
  await app.tid("f-full_name").fill("Budi \u202Egnp.exe");
  await app.tid("f-address").fill("Jl. " + "Panjang".repeat(20_000));
  await waitSaved(app);
  const again = await openAgain(context, url);
  assert.equal(await again.tid("f-full_name").inputValue(), "Budi gnp.exe");
  assert.equal(await again.tid("case-name").textContent(), "Budi gnp.exe");
  const address = await again.tid("f-address").inputValue();
  assert.equal(address.length, 200, "the address stops at its 200 characters");
  assert.match(await again.tid("applicant").textContent(), /Sampai batas: paling banyak 200 huruf/);
  assert.equal(await again.tid("f-full_name").getAttribute("maxlength"), "100");
  // A name with no spaces at the limit does not widen the case page or
  // the list.
  await again.tid("f-full_name").fill("W".repeat(100));
  await waitSaved(again);
  await again.assertFitsPhone("case page with a 100-letter name");
  await again.goto("");
  await again.tid("case-row").first().waitFor();
  await again.assertFitsPhone("list with a 100-letter name");
  again.assertNoConsoleErrors();
  await context.close();
});

test("the page runs no script but its own: a Content-Security-Policy by hash", async () => {
  const context = await env.browser.newContext(PHONE);
  const app = await Pandu.open(context, env.server, "/pandu/", "settings");
  const policy = await app.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+;/);
  assert.ok(!/unsafe-inline[^;]*;/.test(policy.split("script-src")[1].split(";")[0]), "no unsafe-inline for scripts");
  // The app started under it (the wasm and the inline loader ran) and
  // works: a profile is saved.
  await app.saveProfile({ device: "HP Desa Sukamaju", officer: "Siti Aminah", village: "32.14.01.2001" });
  await app.tid("profile-saved").waitFor();
  assert.deepEqual(app.errors, [], "nothing of the app's own was blocked");
  // An injected inline script is refused.
  const ran = await app.page.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.__injected = true";
    document.body.append(s);
    const img = document.createElement("img");
    img.setAttribute("onerror", "window.__handler = true");
    img.src = "data:,x";
    document.body.append(img);
    return new Promise((r) => setTimeout(() => r([window.__injected === true, window.__handler === true]), 300));
  });
  assert.deepEqual(ran, [false, false]);
  app.errors = app.errors.filter((e) => !/Content Security Policy/.test(e));
  app.assertNoConsoleErrors();
  await context.close();
});
