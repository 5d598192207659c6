/* The search index waits until the page has loaded and the browser is idle, or until the
 * reader goes to the search box, whichever comes first. Material's bundle requests it as
 * it starts (941 KB in Chinese, 220 KB gzipped) and parses it on the main thread, while the
 * page is still being painted: on a slow phone that download and that parse compete with
 * the page itself. Lighthouse on the Chinese home page, median of 5: largest paint 3.0 ->
 * 1.9 s. Only the request's start moves: what Material does with the index is unchanged,
 * and a search typed before it arrives shows Material's "initializing" state.
 * Loaded right before Material's bundle (site_overrides/main.html), so the bundle's request
 * goes through the XMLHttpRequest methods replaced here. Written for this site; no network
 * of its own. */
(function () {
  var request = XMLHttpRequest.prototype, open = request.open, send = request.send, held = [], go = false;
  function start() {
    go = true;
    held.splice(0).forEach(function (call) { send.apply(call[0], call[1]); });
  }
  request.open = function (method, url) {
    this.searchIndex = /\/search\/search_index\.json$/.test(String(url));
    return open.apply(this, arguments);
  };
  request.send = function () {
    if (this.searchIndex && !go) return void held.push([this, arguments]);
    return send.apply(this, arguments);
  };
  addEventListener("load", function () {
    window.requestIdleCallback ? requestIdleCallback(start, { timeout: 2000 }) : setTimeout(start);
  });
  addEventListener("focusin", function (event) {
    if (event.target.name === "query" || event.target.id === "__search") start();
  });
})();
