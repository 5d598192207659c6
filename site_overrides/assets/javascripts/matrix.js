/* Sorting and filtering for tables inside <div class="matrix">.
 * Written for this site; no dependencies, no network. Runs on every page load, including
 * Material's instant navigation (document$ emits for each new page). Without JavaScript
 * the table stays complete and readable. The words it writes come from the page (data-*
 * attributes the generator translates), so it works the same in every language. */
(function () {
  "use strict";
  // Ratings sort by severity, not by name: every rating cell starts with its symbol.
  var RANKS = { "●": 1, "◐": 2, "○": 3, "–": 4, "?": 5, "✔": 1, "✘": 3 };

  function cellText(cell) { return cell.textContent.replace(/\s+/g, " ").trim(); }

  function rank(text) {
    var symbol = text.charAt(0);
    return Object.prototype.hasOwnProperty.call(RANKS, symbol) ? RANKS[symbol] : null;
  }

  function words(box, name, fallback) { return box.getAttribute("data-" + name) || fallback; }

  function compare(a, b) {
    var ra = rank(a), rb = rank(b);
    if (ra !== null && rb !== null) return ra - rb;
    var na = parseFloat(a), nb = parseFloat(b);
    if (!isNaN(na) && !isNaN(nb) && String(na) === a && String(nb) === b) return na - nb;
    return a.localeCompare(b, document.documentElement.lang || undefined, { sensitivity: "base", numeric: true });
  }

  function setup(box, index) {
    var table = box.querySelector("table");
    if (!table || box.dataset.ready) return;
    box.dataset.ready = "yes";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var filters = (box.dataset.filters || "").split(",").filter(Boolean);
    var id = "matrix-" + index;

    var controls = document.createElement("div");
    controls.className = "matrix-controls";
    controls.setAttribute("role", "search");
    controls.setAttribute("aria-label", words(box, "label-filter", "Filter the table"));
    var status = document.createElement("p");
    status.className = "matrix-status";
    status.id = id + "-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");

    function field(labelText, control) {
      var label = document.createElement("label");
      label.textContent = labelText;
      label.appendChild(control);
      controls.appendChild(label);
      return control;
    }

    var search = field(words(box, "label-search", "Search"), document.createElement("input"));
    search.type = "search";
    search.placeholder = words(box, "placeholder", "Name, token, model…");
    search.setAttribute("aria-controls", id + "-table");

    var selects = filters.map(function (name) {
      var column = headers.findIndex(function (h) { return cellText(h) === name; });
      if (column < 0) return null;
      var select = field(name, document.createElement("select"));
      select.setAttribute("aria-controls", id + "-table");
      var values = {};
      rows.forEach(function (row) {
        cellText(row.cells[column]).split(/;\s*/).forEach(function (v) { if (v) values[v] = true; });
      });
      [""].concat(Object.keys(values).sort(compare)).forEach(function (value) {
        var option = document.createElement("option");
        option.value = value;
        option.textContent = value || words(box, "label-all", "All");
        select.appendChild(option);
      });
      select.dataset.column = column;
      return select;
    }).filter(Boolean);

    table.id = id + "-table";
    box.insertBefore(controls, box.firstChild);
    box.insertBefore(status, controls.nextSibling);

    function apply() {
      var query = search.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        var ok = !query || cellText(row).toLowerCase().indexOf(query) >= 0;
        selects.forEach(function (select) {
          if (ok && select.value) {
            var parts = cellText(row.cells[+select.dataset.column]).split(/;\s*/);
            ok = parts.indexOf(select.value) >= 0;
          }
        });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      status.textContent = words(box, "status", "Showing {shown} of {total} systems.")
        .replace("{shown}", shown).replace("{total}", rows.length);
    }

    search.addEventListener("input", apply);
    selects.forEach(function (select) { select.addEventListener("change", apply); });

    headers.forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        rows.sort(function (a, b) {
          var order = compare(cellText(a.cells[column]), cellText(b.cells[column]));
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
    apply();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("div.matrix"), setup);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
