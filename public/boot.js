// Inlined into both wings' pages by Trunk (index.html, public/kantor.html;
// the Content-Security-Policy allows it by its hash).
// Boot watchdog: any failure to fetch or start the app before it runs
// (first visit offline, a broken download) shows the message above.
(function () {
  var started = false;
  addEventListener("TrunkApplicationStarted", function () { started = true; });
  function failed() {
    if (started) return;
    var l = document.getElementById("boot-loading"), f = document.getElementById("boot-failed");
    if (l && f) { l.hidden = true; f.hidden = false; }
  }
  // No inline handler: the Content-Security-Policy allows none.
  var retry = document.getElementById("boot-retry");
  if (retry) retry.addEventListener("click", function () { location.reload(); });
  addEventListener("error", function (e) {
    // Script errors, and failed downloads of the app's own code; not a
    // missing icon.
    var t = e.target;
    if (t === window || !t || t.tagName === "SCRIPT" || (t.tagName === "LINK" && /preload/.test(t.rel))) failed();
  }, true);
  addEventListener("unhandledrejection", failed);
})();
// Service worker: offline start after the first visit. A new version
// waits until the officer agrees (the app's update banner); only then
// does it take over and the page reload.
if ("serviceWorker" in navigator) {
  window.__panduApplyUpdate = function () {
    var w = window.__panduUpdate;
    if (w) { window.__panduApplying = true; w.postMessage({ type: "SKIP_WAITING" }); }
  };
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (window.__panduApplying && !window.__panduReloading) { window.__panduReloading = true; location.reload(); }
  });
  addEventListener("load", function () {
    // The worker lives beside the village app; the office workspace,
    // one folder down, says so in <html data-app-root="../">.
    var root = document.documentElement.getAttribute("data-app-root") || "";
    navigator.serviceWorker.register(root + "sw.js", { scope: root || "./" }).then(function (reg) {
      function ready(w) { window.__panduUpdate = w; dispatchEvent(new Event("pandu-update-ready")); }
      if (reg.waiting && navigator.serviceWorker.controller) ready(reg.waiting);
      reg.addEventListener("updatefound", function () {
        var w = reg.installing;
        if (!w) return;
        w.addEventListener("statechange", function () {
          if (w.state === "installed" && navigator.serviceWorker.controller) ready(w);
        });
      });
      function check() { reg.update().catch(function () {}); }
      setInterval(check, 30 * 60 * 1000);
      addEventListener("online", check);
      document.addEventListener("visibilitychange", function () { if (document.visibilityState === "visible") check(); });
    }).catch(function (e) { console.warn("service worker not registered", e); });
  });
}
