/* policykb: sortable and filterable tables, filterable item lists. Hand-written, no
 * dependencies, no network. Pages work without it (plain tables, grouped lists).
 *
 * table.pkb-sortable      click a header to sort (th[data-type=num] sorts by td[data-sort])
 * table[data-pkb-filter]  adds a filter row: a text box per column, a list for th[data-filter=select]
 * .pkb-filterable         where the filter bar goes; filters (data-filters="actor,topic,paper") apply
 *                         to every li[data-paper] of the page, each holding data-actor/-topic/-paper
 *                         values separated by "|"; a ul.pkb-group left empty is hidden with its heading;
 *                         a location hash such as #actor=政府&topic=人才与教育 presets the filters.
 */
(function () {
  "use strict";

  function cellText(row, i) {
    var c = row.cells[i];
    return c ? c.textContent.trim() : "";
  }

  function sortKey(row, i, num) {
    var c = row.cells[i];
    if (!c) return num ? -Infinity : "";
    if (num) {
      var v = parseFloat(c.getAttribute("data-sort") || c.textContent);
      return isNaN(v) ? -Infinity : v;
    }
    return c.textContent.trim();
  }

  function makeSortable(table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, i) {
      var num = th.getAttribute("data-type") === "num";
      th.classList.add("pkb-sort");
      th.setAttribute("tabindex", "0");
      th.setAttribute("aria-sort", "none");
      function sort() {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (o) { o.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.forEach(function (r, k) { r._pkbIndex = k; });
        rows.sort(function (a, b) {
          var x = sortKey(a, i, num), y = sortKey(b, i, num), d;
          if (num) d = x - y; else d = x.localeCompare(y, "zh");
          return (asc ? d : -d) || a._pkbIndex - b._pkbIndex;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (ev) { if (ev.key === "Enter") sort(); });
    });
  }

  function makeFilterable(table) {
    var head = table.tHead.rows[0];
    var row = table.tHead.insertRow(-1);
    row.className = "pkb-filter-row";
    var controls = [];
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var count = document.createElement("p");
    count.className = "pkb-count";
    table.parentNode.insertBefore(count, table);
    Array.prototype.forEach.call(head.cells, function (th, i) {
      var cell = document.createElement("td");
      var ctl;
      if (th.getAttribute("data-filter") === "select") {
        ctl = document.createElement("select");
        var values = {};
        rows.forEach(function (r) { values[cellText(r, i)] = true; });
        var opt = document.createElement("option");
        opt.value = ""; opt.textContent = "全部 all";
        ctl.appendChild(opt);
        Object.keys(values).sort().forEach(function (v) {
          var o = document.createElement("option");
          o.value = v; o.textContent = v || "（空）";
          ctl.appendChild(o);
        });
        ctl.addEventListener("change", apply);
      } else {
        ctl = document.createElement("input");
        ctl.type = "search";
        ctl.placeholder = "筛选 filter";
        ctl.addEventListener("input", apply);
      }
      ctl.setAttribute("aria-label", "筛选 " + th.textContent);
      ctl.setAttribute("data-col", String(i));
      cell.appendChild(ctl);
      row.appendChild(cell);
      controls.push(ctl);
    });
    function apply() {
      var shown = 0;
      rows.forEach(function (r) {
        var ok = controls.every(function (ctl, i) {
          var want = ctl.value.trim().toLowerCase();
          if (!want) return true;
          var have = cellText(r, i).toLowerCase();
          return ctl.tagName === "SELECT" ? have === want : have.indexOf(want) !== -1;
        });
        r.hidden = !ok;
        if (ok) shown++;
      });
      count.textContent = "显示 " + shown + " / " + rows.length + " 行 rows";
    }
    apply();
  }

  function parseHash() {
    var out = {};
    var h = location.hash.replace(/^#/, "");
    if (h.indexOf("=") === -1) return out;
    h.split("&").forEach(function (kv) {
      var k = kv.split("=");
      if (k.length === 2) {
        try { out[decodeURIComponent(k[0])] = decodeURIComponent(k[1]); } catch (e) { /* ignore */ }
      }
    });
    return out;
  }

  function makeListFilter(box) {
    var keys = (box.getAttribute("data-filters") || "").split(",").filter(Boolean);
    var scope = box.closest("article") || document;
    var items = Array.prototype.slice.call(scope.querySelectorAll("li[data-paper]"));
    var bar = document.createElement("form");
    bar.className = "pkb-filter-bar";
    bar.addEventListener("submit", function (ev) { ev.preventDefault(); });
    var preset = parseHash();
    var selects = {};
    keys.forEach(function (k) {
      var label = document.createElement("label");
      label.textContent = (box.getAttribute("data-label-" + k) || k) + " ";
      var sel = document.createElement("select");
      sel.name = k;
      var values = {};
      items.forEach(function (li) {
        (li.getAttribute("data-" + k) || "").split("|").forEach(function (v) { if (v) values[v] = true; });
      });
      var opt = document.createElement("option");
      opt.value = ""; opt.textContent = "全部 all";
      sel.appendChild(opt);
      Object.keys(values).sort(function (a, b) { return a.localeCompare(b, "zh"); }).forEach(function (v) {
        var o = document.createElement("option");
        o.value = v; o.textContent = v;
        sel.appendChild(o);
      });
      if (preset[k] && values[preset[k]]) sel.value = preset[k];
      sel.addEventListener("change", apply);
      label.appendChild(sel);
      bar.appendChild(label);
      selects[k] = sel;
    });
    var count = document.createElement("span");
    count.className = "pkb-count";
    bar.appendChild(count);
    box.appendChild(bar);
    function apply() {
      var shown = 0;
      items.forEach(function (li) {
        var ok = keys.every(function (k) {
          var want = selects[k].value;
          return !want || (li.getAttribute("data-" + k) || "").split("|").indexOf(want) !== -1;
        });
        li.hidden = !ok;
        if (ok) shown++;
      });
      Array.prototype.forEach.call(scope.querySelectorAll("ul.pkb-group"), function (g) {
        var empty = !g.querySelector("li[data-paper]:not([hidden])");
        g.hidden = empty;
        var head = g.previousElementSibling;
        if (head && /^H[1-6]$/.test(head.tagName)) head.hidden = empty;
      });
      count.textContent = "显示 " + shown + " / " + items.length + " 条 items";
    }
    apply();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("table.pkb-sortable:not([data-pkb-ready])"), function (t) {
      t.setAttribute("data-pkb-ready", "");
      makeSortable(t);
      if (t.hasAttribute("data-pkb-filter")) makeFilterable(t);
    });
    Array.prototype.forEach.call(document.querySelectorAll(".pkb-filterable:not([data-pkb-ready])"), function (b) {
      b.setAttribute("data-pkb-ready", "");
      makeListFilter(b);
    });
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
