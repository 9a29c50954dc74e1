// machi-kpi: registers the service worker (sw.js) that keeps the app
// available offline after one visit. A file, not an inline script, so a
// strict CSP (script-src 'self') allows it. Failures are not errors for the
// reader: the app works online without the worker.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) return;
  function register() {
    navigator.serviceWorker.register("./sw.js", { scope: "./" }).catch(function (e) {
      console.warn("machi-kpi: offline copy unavailable:", e && e.message ? e.message : e);
    });
  }
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);
})();
