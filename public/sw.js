// Pandu's service worker: keeps the village app offline, and the office
// workspace (kantor/) once it has been opened on this device.
//
// `make dist` (.ci/stamp-sw.mjs) replaces the build id and the two asset
// lists below, so every build has a different sw.js: the browser notices,
// installs the new worker beside the old one, and it waits until the
// officer taps "reload" (message SKIP_WAITING). Old caches are deleted when
// the new worker takes over. Scope: the folder this file is served from,
// so the same build works under any sub-path.
const BUILD_ID = "__PANDU_BUILD_ID__";
// The village app: precached, so a phone works offline after one visit.
const ASSETS = ["__PANDU_ASSETS__"];
// The office workspace: never fetched unless opened; then kept.
const OFFICE_ASSETS = ["__PANDU_OFFICE_ASSETS__"];
const CACHE = "pandu-" + BUILD_ID;
const SHELL = "index.html";
const OFFICE = "kantor/";
const OFFICE_SHELL = OFFICE + "index.html";

const scopeUrl = () => new URL(self.registration.scope);
// A file whose name carries its content's hash never changes: the copy
// the page has just loaded (the HTTP cache) is taken, so a first visit
// downloads the wasm once, not twice. Every other file is fetched fresh.
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm)$/;
const fresh = (a) => new Request(a, { cache: HASHED.test(a) ? "default" : "reload" });

// Whether an older build's cache holds the office workspace: then this
// device uses it, and the update brings the new one too.
async function officeWasKept() {
  for (const key of await caches.keys()) {
    if (!key.startsWith("pandu-") || key === CACHE) continue;
    if (await (await caches.open(key)).match(OFFICE_SHELL)) return true;
  }
  return false;
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(ASSETS.map(fresh));
      if (await officeWasKept()) await cache.addAll(OFFICE_ASSETS.map(fresh));
    })()
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith("pandu-") && k !== CACHE).map((k) => caches.delete(k))
        )
      )
      .then(() => self.clients.claim())
  );
});

// The office workspace cannot be opened: not kept here and no network.
function officeUnavailable() {
  const back = scopeUrl().href;
  const button =
    "display:inline-block;box-sizing:border-box;min-height:44px;padding:.6rem 1rem;margin:.25rem 0;" +
    "border-radius:.5rem;font-weight:600;text-decoration:none;border:2px solid #0b5d4b;";
  const html = `<!doctype html><html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="${back}icon.svg" type="image/svg+xml">
<title>Pandu · Kantor</title></head>
<body style="font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b2421;background:#f6f8f7">
<header style="background:#0b5d4b;color:#fff;padding:.75rem 1rem;font-weight:700">Pandu <span style="font-weight:400;opacity:.85">Kantor</span></header>
<main data-testid="office-unavailable" style="margin:0 auto;padding:1rem;max-width:40rem">
<h1 style="font-size:1.3rem;line-height:1.3">Ruang kerja kantor belum tersimpan di perangkat ini</h1>
<p>Ruang kerja kantor Dinas Sosial dimuat terpisah dan baru tersimpan setelah dibuka sekali dengan internet. Sambungkan ke internet, lalu coba lagi. Data yang sudah tersimpan tetap aman.</p>
<p lang="en" style="color:#4a534f">The district office workspace loads separately and is kept only after it was opened once online. Connect to the internet, then try again. Data already stored is safe.</p>
<p><a href="" data-testid="office-retry" style="${button}background:#0b5d4b;color:#fff">Coba lagi · Try again</a></p>
<p><a href="${back}" data-testid="office-back" style="${button}background:#fff;color:#0b5d4b">Kembali ke Pandu · Back to Pandu</a></p>
</main></body></html>`;
  return new Response(html, { status: 503, headers: { "content-type": "text/html; charset=utf-8" } });
}

// Any address in the office workspace is its shell; the router picks the
// page. Kept from the first visit on.
async function officeShell() {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(OFFICE_SHELL);
  if (hit) return hit;
  try {
    const res = await fetch(fresh(new URL(OFFICE_SHELL, scopeUrl()).href));
    if (res.ok) {
      await cache.put(OFFICE_SHELL, res.clone());
      return res;
    }
  } catch (e) {
    // No network: said below.
  }
  return officeUnavailable();
}

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  const scope = scopeUrl();
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const rel = url.pathname.slice(scope.pathname.length);

  if (req.mode === "navigate") {
    if (rel.startsWith(OFFICE)) {
      event.respondWith(officeShell());
      return;
    }
    // Every in-app address is the same shell; the router picks the page.
    // Cache first, so the app starts at once with or without signal.
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache.match(SHELL).then((hit) => hit || fetch(req))
      )
    );
    return;
  }
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const hit = await cache.match(req, { ignoreSearch: true });
      if (hit) return hit;
      const res = await fetch(req);
      // The office workspace's files are kept as it loads them.
      if (res.ok && OFFICE_ASSETS.includes(rel)) event.waitUntil(cache.put(rel, res.clone()));
      return res;
    })()
  );
});
