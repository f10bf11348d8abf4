// Pandu's service worker: precaches one build and serves it offline.
//
// The post-build hook in Trunk.toml replaces the build id and the asset
// list below, so every build has a different sw.js: the browser notices,
// installs the new worker beside the old one, and it waits until the
// officer taps "reload" (message SKIP_WAITING). Old caches are deleted when
// the new worker takes over. Scope: the folder this file is served from,
// so the same build works under any sub-path.
const BUILD_ID = "__PANDU_BUILD_ID__";
const ASSETS = ["__PANDU_ASSETS__"];
const CACHE = "pandu-" + BUILD_ID;
const SHELL = "index.html";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(ASSETS.map((a) => new Request(a, { cache: "reload" })))
    )
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

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;

  if (req.mode === "navigate") {
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
    caches.open(CACHE).then((cache) =>
      cache.match(req, { ignoreSearch: true }).then((hit) => hit || fetch(req))
    )
  );
});
