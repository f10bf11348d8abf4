// First and warm visits to the village app's new-case screen, as a cheap
// phone on a slow network meets them (Chromium DevTools protocol): 4x CPU
// throttling, 150 ms round trip, 1.6 Mbit/s down, 750 Kbit/s up, a cold
// cache and a fresh profile for each first visit. The time is the page's
// own clock (from navigation start) when the screen's heading is shown.
// The warm start is a reload with the network off after that visit (the
// service worker serves the app). Goals: first visit <= 2.5 s, warm
// offline start <= 0.5 s.
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, PHONE } from "../e2e/pandu.mjs";

const SLOW = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };
const HEADING = "Kasus baru: pilih prosedur";

async function shown(page) {
  return page.waitForFunction(
    (h) => {
      const el = document.querySelector("main h1");
      return el && el.textContent.trim() === h ? performance.now() : false;
    },
    HEADING,
    { polling: 16, timeout: 60_000 },
  ).then((r) => r.jsonValue());
}

/** `runs` first visits and warm offline starts of `prefix`cases/new. */
export async function benchVisits(server, prefix, runs = 3) {
  const first = [];
  const warm = [];
  const fetched = [];
  for (let i = 0; i < runs; i++) {
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext(PHONE);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      await cdp.send("Network.emulateNetworkConditions", SLOW);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      const bytes = [];
      cdp.on("Network.loadingFinished", (e) => bytes.push(e.encodedDataLength));
      await page.goto(server.url(`${prefix}cases/new`), { waitUntil: "commit" });
      first.push(await shown(page));
      fetched.push(bytes.reduce((a, b) => a + b, 0));
      // Kept by the service worker: offline, the same screen again.
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) {
          await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
        }
      });
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: false });
      await cdp.send("Network.emulateNetworkConditions", { ...SLOW, offline: true });
      await context.setOffline(true);
      await page.reload({ waitUntil: "commit" });
      warm.push(await shown(page));
    } finally {
      await browser.close();
    }
  }
  return { first, warm, fetched };
}
