// machi-kpi embeds: resize each embedded machi-kpi <iframe> to its content.
//
// Load this file once on a page that embeds machi-kpi views (the embed
// snippet carries the same lines inline; use this file where the portal does
// not allow inline scripts). An embedded view posts
//   {"machi-kpi-height": {"id": <embed_id or null>, "height": <px>}}
// to its parent whenever its height changes. This script accepts a message
// only from the window of an <iframe data-machi-kpi-embed> on this page
// (event.source) and only from that iframe's own origin, and then sets that
// iframe's height. It sends nothing to the iframe.
(function () {
  "use strict";
  if (window.machiKpiEmbed) return;
  window.machiKpiEmbed = true;
  window.addEventListener("message", function (event) {
    var m = event.data && event.data["machi-kpi-height"];
    if (!m || typeof m.height !== "number" || !(m.height > 0)) return;
    var frames = document.querySelectorAll("iframe[data-machi-kpi-embed]");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (new URL(frame.src, location.href).origin !== event.origin) return;
      frame.style.height = Math.ceil(Math.min(m.height, 20000)) + "px";
      return;
    }
  });
})();
