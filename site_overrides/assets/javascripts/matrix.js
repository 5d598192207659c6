/* Sorting, filters and a search box for the tables inside <div class="matrix">, with the
 * view kept in the page's address.
 * Written for this site; no dependencies, no network. Runs on every page load, including
 * Material's instant navigation (document$ emits for each new page). The controls and the
 * column headings' buttons are in the page, so nothing moves when this starts; without
 * JavaScript the controls are hidden (site.css) and the tables stay complete and readable.
 * The words it writes come from the page (data-* attributes the generator translates), so
 * it works the same in every language.
 *
 * One box may hold several tables with the same columns (the trilemma matrix has one per
 * family): one set of controls then sorts and filters them all, and a table left with no
 * row gives way to a short note.
 *
 * The address: the first box of a page keeps its view in the query string, e.g.
 *   ?sort=custody-risk&order=desc&category=federated-sidechain&search=liquid
 * Columns are named by the ids in data-columns and filter values by the ids in
 * data-values (vocabulary ids, the same in every language), so a link works on the
 * English and the Chinese page alike; a value written as the text shown in this page's
 * language (?category=联合侧链) is accepted too and rewritten as its id. The search text
 * is `search`, not `q`: Material opens its own search box when the address holds `q`.
 * Other parameters (Material's `h`) and the fragment are kept. Each sort or filter change
 * pushes a history entry; typing in the search box pushes one entry when a burst of typing
 * starts and replaces it while the burst lasts (it ends after a pause, on Enter or when
 * the box loses focus), so Back returns to the view before the burst. Back and Forward
 * (popstate) restore the view from the address; rows are always sorted from the page's
 * own order, so the same address gives the same rows in the same order. */
(function () {
  "use strict";
  // Ratings sort by severity, not by name: every rating cell starts with its symbol.
  var RANKS = { "●": 1, "◐": 2, "○": 3, "–": 4, "?": 5, "✔": 1, "✘": 3 };
  var PAUSE = 800;   // milliseconds without a keystroke that end a burst of typing

  function cellText(cell) { return cell.textContent.replace(/\s+/g, " ").trim(); }

  function toArray(list) { return Array.prototype.slice.call(list); }

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

  function parseValues(text) {
    try { return JSON.parse(text || "{}"); } catch (error) { return {}; }
  }

  function setup(box, index) {
    var tables = toArray(box.querySelectorAll("table"));
    if (!tables.length || box.dataset.ready) return;
    box.dataset.ready = "yes";
    var id = "matrix-" + index;
    var ids = (box.dataset.columns || "").split(",");
    var known = parseValues(box.dataset.values);
    var headings = toArray(tables[0].tHead.rows[0].cells);
    var tableIds = tables.map(function (table, k) { return (table.id = id + "-table-" + k); }).join(" ");

    function key(column) { return ids[column] || String(column + 1); }   // the column's name in the address

    var groups = tables.map(function (table) {
      var empty = document.createElement("p");
      empty.className = "matrix-empty";
      empty.hidden = true;
      empty.textContent = words(box, "empty", "No system here matches the filters and search.");
      var outer = table.closest(".md-typeset__scrollwrap") || table;   // Material wraps tables
      outer.parentNode.insertBefore(empty, outer.nextSibling);
      return { table: table, body: table.tBodies[0], rows: toArray(table.tBodies[0].rows),
               headers: toArray(table.tHead.rows[0].cells), empty: empty };
    });
    var records = [];
    groups.forEach(function (group) {
      group.rows.forEach(function (row) { records.push({ row: row, text: cellText(row).toLowerCase(), values: {} }); });
    });

    // The controls are in the page (generator/templates/matrix-box.md.j2), so that nothing
    // moves when this starts: here they are tied to the tables, and each filter gets its
    // options. A filter's options are the values its column shows; each option's value is
    // the value's id where data-values gives one, else the text itself.
    var controls = box.querySelector(".matrix-controls");
    var status = box.querySelector(".matrix-status");
    status.id = id + "-status";
    var search = controls.querySelector("input[type=search]");
    var selects = toArray(controls.querySelectorAll("select")).filter(function (select) {
      return ids.indexOf(select.name) >= 0;
    });
    [search].concat(selects).forEach(function (control) { control.setAttribute("aria-controls", tableIds); });
    selects.forEach(function (select) {
      var column = ids.indexOf(select.name);
      var map = known[select.name] || {};
      var texts = {};
      records.forEach(function (record) {
        var parts = cellText(record.row.cells[column]).split(/;\s*/).filter(Boolean);
        record.values[select.name] = parts.map(function (text) { texts[text] = true; return map[text] || text; });
      });
      Object.keys(texts).sort(compare).forEach(function (text) {
        var option = document.createElement("option");
        option.value = map[text] || text;
        option.textContent = text;
        select.appendChild(option);
      });
    });

    // ------------------------------------------------------------ the view and the address

    var view = { sort: -1, descending: false };   // the sort the rows are in
    var names = ["sort", "order", "search"].concat(selects.map(function (select) { return select.name; }));

    function current() {
      return { sort: view.sort, descending: view.descending, search: search.value,
               filters: selects.map(function (select) { return select.value; }) };
    }

    function choose(select, wanted) {   // an option's value, from its id or its text
      if (!wanted) return "";
      var options = toArray(select.options);
      var match = options.filter(function (o) { return o.value === wanted; })[0] ||
        options.filter(function (o) { return o.value && o.textContent.toLowerCase() === wanted.toLowerCase(); })[0];
      return match ? match.value : "";
    }

    function fromAddress() {
      var params = new URLSearchParams(location.search);
      var sort = -1;
      headings.forEach(function (th, column) { if (key(column) === params.get("sort")) sort = column; });
      return { sort: sort, descending: sort >= 0 && params.get("order") === "desc",
               search: params.get("search") || "",
               filters: selects.map(function (select) { return choose(select, params.get(select.name)); }) };
    }

    function address(state) {
      var params = new URLSearchParams(location.search);
      names.forEach(function (name) { params.delete(name); });
      if (state.sort >= 0) {
        params.append("sort", key(state.sort));
        params.append("order", state.descending ? "desc" : "asc");
      }
      selects.forEach(function (select, k) { if (state.filters[k]) params.append(select.name, state.filters[k]); });
      if (state.search.trim()) params.append("search", state.search.trim());
      var query = params.toString();
      return location.pathname + (query ? "?" + query : "") + location.hash;
    }

    function remember(push) {   // write the current view into the address; true if it changed
      if (index !== 0) return false;
      var url = address(current());
      if (url === location.pathname + location.search + location.hash) return false;
      if (push) history.pushState(null, "", url);
      else history.replaceState(history.state, "", url);
      return true;
    }

    function sortRows(column, descending) {
      view.sort = column;
      view.descending = descending;
      groups.forEach(function (group) {
        group.headers.forEach(function (th, k) {
          th.setAttribute("aria-sort", k !== column ? "none" : descending ? "descending" : "ascending");
        });
        var rows = group.rows.slice();   // always from the page's order, so ties fall the same way
        if (column >= 0) {
          rows.sort(function (a, b) {
            var order = compare(cellText(a.cells[column]), cellText(b.cells[column]));
            return descending ? -order : order;
          });
        }
        rows.forEach(function (row) { group.body.appendChild(row); });
      });
    }

    function show(state) {
      if (search.value !== state.search) search.value = state.search;
      selects.forEach(function (select, k) { select.value = state.filters[k]; });
      if (state.sort !== view.sort || state.descending !== view.descending) sortRows(state.sort, state.descending);
      var query = state.search.trim().toLowerCase();
      var shown = 0;
      records.forEach(function (record) {
        var ok = !query || record.text.indexOf(query) >= 0;
        selects.forEach(function (select) {
          if (ok && select.value) ok = record.values[select.name].indexOf(select.value) >= 0;
        });
        record.row.hidden = !ok;
        if (ok) shown += 1;
      });
      groups.forEach(function (group) {
        var any = group.rows.some(function (row) { return !row.hidden; });
        group.table.hidden = !any;
        group.empty.hidden = any;
      });
      status.textContent = words(box, "status", "Showing {shown} of {total} systems.")
        .replace("{shown}", shown).replace("{total}", records.length);
    }

    // ------------------------------------------------------------ what the reader does

    var typing = false, pause = null;
    function stopTyping() { typing = false; clearTimeout(pause); }

    search.addEventListener("input", function () {
      show(current());
      typing = remember(!typing) || typing;   // the first change of a burst pushes, the rest replace
      clearTimeout(pause);
      pause = setTimeout(stopTyping, PAUSE);
    });
    search.addEventListener("blur", stopTyping);
    search.addEventListener("keydown", function (event) { if (event.key === "Enter") stopTyping(); });
    selects.forEach(function (select) {
      select.addEventListener("change", function () { stopTyping(); show(current()); remember(true); });
    });

    headings.forEach(function (heading, column) {
      groups.forEach(function (group) {
        var th = group.headers[column];
        th.setAttribute("aria-sort", "none");
        th.querySelector("button").addEventListener("click", function () {
          stopTyping();
          var state = current();
          state.descending = state.sort === column && !state.descending;
          state.sort = column;
          show(state);
          remember(true);
        });
      });
    });

    if (index === 0) {
      var path = location.pathname;   // instant navigation may already be leaving the page
      box.matrixRestore = function () { if (location.pathname === path) { stopTyping(); show(fromAddress()); } };
      show(fromAddress());
      remember(false);   // the address in its canonical form: ids, not words; unknown values dropped
    } else {
      show(current());
    }
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("div.matrix"), setup);
  }

  // Back and Forward within a page: the address changed, the page did not.
  window.addEventListener("popstate", function () {
    Array.prototype.forEach.call(document.querySelectorAll("div.matrix"), function (box) {
      if (box.matrixRestore) box.matrixRestore();
    });
  });

  if (typeof document$ !== "undefined") {
    document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
