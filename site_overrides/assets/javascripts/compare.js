/* The compare page: two to four systems side by side, the choice kept in the URL
 * (?systems=liquid,rootstock), so it can be shared, and Back and Forward step through it.
 * Written for this site; no dependencies. It reads only the site's own files: one index per
 * language (names and row labels) and one file per chosen system, all already translated.
 * Every string is written with textContent; source URLs are links only if https. Without
 * JavaScript the page keeps its list of links to every system's page. On the comparison
 * matrix, a checkbox per row fills the link to this page with the rows chosen. */
(function () {
  "use strict";

  function words(box, name) { return box.getAttribute("data-" + name) || ""; }

  function fill(template, values) {
    return template.replace(/\{([a-z]+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : whole;
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function chosenFromUrl(known, max) {
    var raw = new URLSearchParams(window.location.search).get("systems") || "";
    var out = [];
    raw.split(",").forEach(function (slug) {
      slug = slug.trim();
      if (slug && known[slug] && out.indexOf(slug) < 0 && out.length < max) out.push(slug);
    });
    return out;
  }

  function urlFor(chosen) {
    var params = new URLSearchParams(window.location.search);
    if (chosen.length) params.set("systems", chosen.join(","));
    else params.delete("systems");
    var query = params.toString().replace(/%2C/g, ",");
    return window.location.pathname + (query ? "?" + query : "") + window.location.hash;
  }

  function setup(box) {
    if (box.dataset.ready) return;
    box.dataset.ready = "loading";
    var indexUrl = new URL(box.dataset.index, window.location.href);
    var root = new URL(box.dataset.root || "./", window.location.href);
    var cache = {};
    var status = element("p", "compare-status");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");

    function load(url) {
      return fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + url);
        return response.json();
      });
    }

    function system(slug) {
      if (!cache[slug]) cache[slug] = load(new URL(slug + ".json", indexUrl));
      return cache[slug];
    }

    load(indexUrl).then(function (index) {
      var known = {};
      index.systems.forEach(function (s) { known[s.slug] = s; });
      var collator = new Intl.Collator(index.language, { sensitivity: "base", numeric: true });
      var sorted = index.systems.slice().sort(function (a, b) { return collator.compare(a.name, b.name); });
      var chosen = chosenFromUrl(known, index.max);

      var controls = element("div", "compare-controls");
      var label = element("label", "", words(box, "label-add"));
      var select = element("select");
      select.id = "compare-add";
      label.htmlFor = select.id;
      controls.appendChild(label);
      controls.appendChild(select);
      var table = element("table", "compare-table");
      var wrapper = element("div", "compare-scroll");
      wrapper.appendChild(table);

      box.querySelector(".compare-fallback").hidden = true;
      box.insertBefore(wrapper, box.firstChild);
      box.insertBefore(status, wrapper);
      box.insertBefore(controls, status);
      box.dataset.ready = "yes";

      function options() {
        select.textContent = "";
        select.appendChild(element("option", "", words(box, "label-choose"))).value = "";
        sorted.forEach(function (s) {
          if (chosen.indexOf(s.slug) >= 0) return;
          var option = element("option", "", s.local ? s.name + " (" + s.local + ")" : s.name);
          option.value = s.slug;
          select.appendChild(option);
        });
        select.disabled = chosen.length >= index.max;
      }

      function sourceLinks(item, data) {
        var span = element("span", "compare-sources");
        (item.sources || []).forEach(function (id) {
          var source = data.sources[id];
          if (!source) return;
          var number = Object.keys(data.sources).indexOf(id) + 1;
          var link = element("a", "", "[" + number + "]");
          if (/^https:\/\//.test(source.url)) link.href = source.url;
          link.title = source.title;
          link.setAttribute("aria-label", link.textContent + " " + source.title);   // starts with what it shows
          span.appendChild(document.createTextNode(" "));
          span.appendChild(link);
        });
        return span;
      }

      function cell(items, data) {
        var td = element("td");
        items.forEach(function (item) {
          var p = element("p");
          p.appendChild(element("strong", "", item.text));
          if (item.reason) p.appendChild(document.createTextNode(" " + item.reason));
          p.appendChild(sourceLinks(item, data));
          td.appendChild(p);
        });
        return td;
      }

      function render(systems) {
        table.textContent = "";
        var caption = element("caption", "", words(box, "label-caption"));
        table.appendChild(caption);
        var head = table.createTHead().insertRow();
        var corner = element("th", "", words(box, "label-row"));
        corner.scope = "col";
        head.appendChild(corner);
        systems.forEach(function (data, position) {
          var th = element("th");
          th.scope = "col";
          var link = element("a", "", data.name);
          link.href = new URL(data.page, root).href;
          link.setAttribute("aria-label", fill(words(box, "label-page"), { name: data.name }));
          th.appendChild(link);
          var remove = element("button", "md-button compare-remove", "×");
          remove.type = "button";
          remove.setAttribute("aria-label", fill(words(box, "label-remove"), { name: data.name }));
          remove.addEventListener("click", function () {
            change(chosen.filter(function (slug) { return slug !== data.slug; }), position);
          });
          th.appendChild(remove);
          head.appendChild(th);
        });
        var body = table.createTBody();
        index.rows.forEach(function (row) {
          var tr = body.insertRow();
          var th = element("th", "", row.label);
          th.scope = "row";
          tr.appendChild(th);
          systems.forEach(function (data) { tr.appendChild(cell(data.cells[row.id] || [], data)); });
        });
        wrapper.hidden = systems.length === 0;
        var count = systems.length;
        status.textContent = fill(words(box, count === 0 ? "status-none" : count === 1 ? "status-one" :
          count >= index.max ? "status-full" : "status-some"), { count: count });
      }

      function show(focusAfter) {
        options();
        return Promise.all(chosen.map(system)).then(function (systems) {
          render(systems);
          if (focusAfter !== undefined) {
            var buttons = table.querySelectorAll(".compare-remove");
            (buttons[Math.min(focusAfter, buttons.length - 1)] || select).focus();
          }
        }).catch(function () { status.textContent = words(box, "status-error"); showFallback(); });
      }

      function showFallback() { box.querySelector(".compare-fallback").hidden = false; }

      function change(next, focusAfter) {
        chosen = next;
        window.history.pushState({ systems: chosen }, "", urlFor(chosen));
        show(focusAfter);
      }

      select.addEventListener("change", function () {
        if (select.value && chosen.length < index.max) change(chosen.concat([select.value]));
      });
      window.addEventListener("popstate", function () {
        if (!document.body.contains(box)) return;
        chosen = chosenFromUrl(known, index.max);
        show();
      });
      window.history.replaceState({ systems: chosen }, "", urlFor(chosen));
      show();
    }).catch(function () {
      box.dataset.ready = "failed";
      box.insertBefore(status, box.firstChild);
      status.textContent = words(box, "status-error");
    });
  }

  /* On the comparison matrix: a checkbox per row (in the page, so that nothing moves when
   * this starts), and the link to the compare page carries the chosen systems (at most
   * data-max). Rows keep their boxes when sorted. */
  function setupPicker(pick) {
    if (pick.dataset.ready) return;
    var matrix = pick.parentNode.querySelector("div.matrix");
    var link = pick.querySelector("a");
    var count = pick.querySelector(".compare-pick-count");
    if (!matrix || !link || !count) return;
    pick.dataset.ready = "yes";
    var max = +pick.dataset.max || 4;
    var base = link.getAttribute("href").split("?")[0];
    var chosen = [];
    var boxes = Array.prototype.slice.call(matrix.querySelectorAll("input.compare-pick-box"));

    function update() {
      link.setAttribute("href", base + (chosen.length ? "?systems=" + chosen.join(",") : ""));
      count.textContent = fill(words(pick, "label-count"), { count: chosen.length, max: max });
      boxes.forEach(function (box) { box.disabled = !box.checked && chosen.length >= max; });
    }

    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        var slug = box.value;
        chosen = box.checked ? chosen.concat([slug]) : chosen.filter(function (s) { return s !== slug; });
        update();
      });
    });
    update();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("div.compare"), setup);
    Array.prototype.forEach.call(document.querySelectorAll("div.compare-pick"), setupPicker);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
