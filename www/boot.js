// machi-kpi boot guard. Runs before the app: if a script, the wasm module or
// the app itself fails before it is running, show #boot-error instead of
// leaving the loading skeleton (or a blank page) on screen. A file, not an
// inline script, so a strict CSP (script-src 'self') can allow it.
(function () {
  "use strict";
  var root = document.documentElement;
  // dist/index.html holds the Overview in Japanese, prerendered at build time
  // over the embedded data. Any other view (another route, ?lang=, ?era=,
  // #/embed/..., an imported dataset) shows the loading skeleton until the app
  // starts, never the Overview for a moment: this class, set before the
  // first paint, hides the prerendered page (www/style.css).
  function prerenderedView() {
    var hash = location.hash;
    if ((hash !== "" && hash !== "#" && hash !== "#/") || location.search !== "") return false;
    try {
      for (var i = 0; i < localStorage.length; i++) {
        if (String(localStorage.key(i)).indexOf("machi-kpi:imported-dataset:") === 0) return false;
      }
    } catch (e) {
      // No storage (switched off, sandboxed): nothing imported either.
    }
    return true;
  }
  if (!prerenderedView()) root.classList.add("boot-skeleton");
  function running() {
    return root.getAttribute("data-app") === "running";
  }
  function fail(detail) {
    if (running()) return;
    var box = document.getElementById("boot-error");
    if (!box) {
      // The DOM is not parsed yet: try again once it is.
      document.addEventListener("DOMContentLoaded", function () { fail(detail); });
      return;
    }
    var text = document.getElementById("boot-error-detail");
    if (text && detail) text.textContent = String(detail);
    box.hidden = false;
    var status = document.querySelector(".boot-status");
    if (status) status.hidden = true;
    var skeleton = document.querySelector(".boot");
    if (skeleton) skeleton.removeAttribute("aria-busy");
    var placeholders = document.querySelector(".boot main");
    if (placeholders) placeholders.hidden = true;
  }
  // Failed <script>/<link> loads (capture: they do not bubble) and errors
  // thrown while starting, including the module script's rejected `await init`.
  window.addEventListener("error", function (event) {
    var t = event.target;
    if (t && t !== window && (t.tagName === "SCRIPT" || t.tagName === "LINK")) {
      fail("failed to load " + (t.src || t.href));
    } else {
      fail(event.message || (event.error && event.error.message));
    }
  }, true);
  window.addEventListener("unhandledrejection", function (event) {
    var r = event.reason;
    fail(r && r.message ? r.message : r);
  });
})();
