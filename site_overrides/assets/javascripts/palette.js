/* The light/dark toggle's handlers (site_overrides/partials/palette.html). The scheme was
 * set before the first paint by the header's inline script, which defines __md_palette:
 * it sets the scheme of the toggle at an index on <body>, shows the button to the other
 * one and returns the colours. Picking a scheme keeps it as Material keeps it
 * (__md_set("__palette"), the same shape), so Material's own code reads it too.
 * Written for this site; no dependencies, no network. */
(function () {
  var inputs = [].slice.call(document.querySelectorAll("input[name=__palette]"));
  inputs.forEach(function (input, k) {
    input.addEventListener("change", function () {
      document.body.setAttribute("data-md-color-switching", "");   // no transitions while the colours change
      __md_set("__palette", { index: k, color: __md_palette(k) });
      setTimeout(function () { document.body.removeAttribute("data-md-color-switching"); });
    });
    input.addEventListener("keydown", function (event) {   // Enter on the focused toggle switches, as in Material
      if (event.key !== "Enter") return;
      event.preventDefault();
      inputs[(k + 1) % inputs.length].click();
      inputs[(k + 1) % inputs.length].focus();
    });
  });
})();
