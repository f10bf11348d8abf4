// Shared set-up for the end-to-end tests: Debian's chromium through
// playwright-core (never a downloaded browser), the server over the
// release builds, and a page object that speaks in data-testids.
import { before, after } from "node:test";
import { chromium } from "playwright-core";
import AxeBuilder from "@axe-core/playwright";
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { startServer } from "./server.mjs";

export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

/** The PIN the tests set on every device's keys. */
export const VAULT_PIN = "482915";

export const PHONE = { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

const DIST = process.env.E2E_DIST || resolve(import.meta.dirname, "../../target/e2e");

/** The builds `make e2e-dist` makes, by the sub-path each was built for. */
export const BUILDS = [
  { prefix: "/pandu/", root: resolve(DIST, "pandu") },
  { prefix: "/dinsos/pandu/", root: resolve(DIST, "dinsos-pandu") },
  { prefix: "/", root: resolve(DIST, "root") },
];

export async function launch() {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/** The /pandu/ build, as most tests use it. */
export async function serve() {
  return startServer([BUILDS[0]]);
}

/**
 * One browser and the /pandu/ server for a test file: launched before its
 * tests, closed after. Read `env.browser` and `env.server` inside tests.
 */
export function testEnvironment() {
  const env = {};
  before(async () => {
    env.browser = await launch();
    env.server = await serve();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** A page of the app, with its console watched for errors. */
export class Pandu {
  constructor(page, server, prefix = "/pandu/") {
    this.page = page;
    this.server = server;
    this.prefix = prefix;
    this.errors = [];
    page.on("pageerror", (e) => this.errors.push(`pageerror: ${e.message}`));
    // A static host answers a deep link on a first visit with 404.html and
    // status 404, and Chromium logs that status as a console error. Failed
    // responses are judged here instead: only a page address may 404.
    page.on("response", (r) => {
      if (r.status() >= 400 && r.request().resourceType() !== "document") {
        this.errors.push(`${r.status()} for ${r.url()}`);
      }
    });
    page.on("console", (m) => {
      if (m.type() !== "error" || /^Failed to load resource: the server responded with a status of/.test(m.text())) return;
      this.errors.push(`console: ${m.text()}`);
    });
  }

  static async open(context, server, prefix = "/pandu/", route = "") {
    const app = new Pandu(await context.newPage(), server, prefix);
    await app.goto(route);
    return app;
  }

  /** The route shown now, relative to the wing this page object is in. */
  route() {
    const path = new URL(this.page.url()).pathname;
    assert.ok(path.startsWith(this.prefix), `${path} is not under ${this.prefix}`);
    return path.slice(this.prefix.length);
  }

  /** Moves this page object into the office workspace (`kantor/` below
   * the app) and opens its Settings: the office setup before district
   * mode, the office's Settings after. */
  async toOffice(route = "settings") {
    if (!this.prefix.endsWith("kantor/")) this.prefix += "kantor/";
    await this.goto(route);
  }

  url(route = "") {
    return this.server.url(this.prefix + route);
  }

  async goto(route = "") {
    await this.page.goto(this.url(route));
    await this.ready();
  }

  /** Waits until the app runs and storage is open (or reported broken);
   * on a page that needs the device's keys, sets or enters the PIN. */
  async ready() {
    await this.page.waitForSelector("nav.tabs");
    await this.page.waitForFunction(() => !document.getElementById("boot"));
    await this.passVault();
  }

  /** The keys' PIN gate (send, receive, devices, settings; every page of
   * the office laptop): the PIN is set on a fresh device, entered on a
   * locked one. */
  async passVault(pin = VAULT_PIN) {
    const path = new URL(this.page.url()).pathname;
    const route = path.startsWith(this.prefix) ? path.slice(this.prefix.length).split("/")[0] : "";
    const main = this.page.locator("main[data-desk]:not([data-desk=opening])");
    await main.waitFor();
    const office = (await main.getAttribute("data-desk")) === "office";
    if (!office && !["send", "receive", "devices", "settings"].includes(route)) return;
    const gate = this.page
      .locator("[data-testid=vault-set], [data-testid=vault-unlock], [data-vault=open], [data-testid=storage-problem], [data-testid=storage-waiting]")
      .first();
    await gate.waitFor();
    const id = await gate.getAttribute("data-testid");
    if (id !== "vault-set" && id !== "vault-unlock") return;
    await this.tid("vault-pin").fill(pin);
    if (id === "vault-set") await this.tid("vault-pin-again").fill(pin);
    await this.tid("vault-submit").click();
    await this.page.locator("[data-vault=open]").first().waitFor();
  }

  tid(id) {
    return this.page.getByTestId(id);
  }

  async h1() {
    return (await this.page.locator("main h1").first().textContent()).trim();
  }

  /** Waits until the service worker controls the page (offline-ready). */
  async offlineReady() {
    await this.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
      }
    });
  }

  async saveProfile({ device, officer, village }) {
    await this.tid("device-name").fill(device);
    await this.tid("officer-name").fill(officer);
    await this.tid("village-code").fill(village);
    await this.tid("profile-save").click();
  }

  /** No serious or critical accessibility violations on the current page. */
  async assertAccessible(label) {
    const result = await new AxeBuilder({ page: this.page }).analyze();
    const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(
      bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
      [],
      `axe violations on ${label}`,
    );
  }

  /** The page fits a 360 px phone: nothing scrolls sideways. */
  async assertFitsPhone(label) {
    const overflow = await this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${label} scrolls sideways by ${overflow}px`);
  }

  assertNoConsoleErrors() {
    assert.deepEqual(this.errors, [], "console errors");
  }
}
