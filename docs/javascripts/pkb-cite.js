// The Cite control of each item on a paper page (written by hand; see render/paper_page.py).
// When a <details class="pkb-cite"> is opened, its GB/T 7714-2015, APA 7 and BibTeX citations are
// composed from the page's templates (<script id="pkb-cite-templates">, rendered by citeproc-py at
// build time) by filling three slots with the item's short id, locator and permalink: plain string
// replacement, no formatting here. Text is set with textContent, never as HTML.
(function () {
  "use strict";
  var SLOT_KEY = "\ue003", SLOT_LOC = "\ue001", SLOT_URL = "\ue002";
  var STYLES = [["gbt7714", "GB/T 7714-2015"], ["apa", "APA 7"], ["bibtex", "BibTeX"]];

  function fill(details, templates) {
    if (details.getAttribute("data-pkb-filled")) return;
    details.setAttribute("data-pkb-filled", "1");
    var d = details.dataset;
    var link = details.querySelector("a.pkb-permalink");
    var url = link ? link.textContent : "";
    var before = link ? link.parentNode : null;
    STYLES.forEach(function (s) {
      var loc = s[0] === "bibtex" && d.pkbBibloc !== undefined ? d.pkbBibloc : d.pkbLoc;
      var text = templates[s[0]].split(SLOT_KEY).join(d.pkbKey).split(SLOT_LOC).join(loc).split(SLOT_URL).join(url);
      var box = document.createElement("div");
      box.className = "pkb-cite-style";
      var label = document.createElement("span");
      label.className = "filename";
      label.textContent = s[1];
      var pre = document.createElement("pre");
      var code = document.createElement("code");
      code.id = "pkb-cite-" + d.pkbKey.replace(/[^A-Za-z0-9]/g, "-") + "-" + s[0];
      code.textContent = text;
      var button = document.createElement("button");
      button.className = "md-clipboard md-icon";
      button.title = "复制 Copy";
      button.setAttribute("data-clipboard-target", "#" + code.id);
      pre.appendChild(button);
      pre.appendChild(code);
      box.appendChild(label);
      box.appendChild(pre);
      details.insertBefore(box, before);
    });
  }

  function setup() {
    var el = document.getElementById("pkb-cite-templates");
    if (!el) return;
    var templates = JSON.parse(el.textContent);
    document.querySelectorAll("details.pkb-cite").forEach(function (details) {
      if (details.open) fill(details, templates);
      details.addEventListener("toggle", function () {
        if (details.open) fill(details, templates);
      });
    });
  }

  if (typeof document$ !== "undefined") document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();
