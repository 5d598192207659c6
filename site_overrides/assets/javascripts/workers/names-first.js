/* Material's search worker, with one rule added: when the query is a system's name, alias,
   ticker or local name, that system's page is the first result.

   Reads: the search index Material sends the worker (system pages carry a `names` field,
   written by generator/search_index.py) and each query. Loads Material's own worker, named
   in this script's URL (?material=search.<hash>.min.js, set by site_overrides/main.html),
   so lunr ranks everything as before; only the order of the result groups it answers with
   may change. Words are compared with case and spacing folded, as the catalogue's
   duplicate-name rule compares them ("BitVM 2" is "bitvm2"; "L-BTC" is not "LBTC").
   Why: every query term is a prefix query in Material, and lunr scores all expansions
   alike, so "Ark" scores Arkade (Arkade, arkd, Ark Labs) above Ark; no index can say
   "exactly this word". A word two systems share is left to lunr's order.
   Plain ES5; no words of its own are shown. */
(function () {
  "use strict";

  var SETUP = 0, QUERY = 2, RESULT = 3;       /* Material's SearchMessageType */
  var owners = Object.create(null);            /* folded word -> page location, or null if shared */
  var query = "";

  function fold(text) {
    var value = String(text);
    if (value.normalize) value = value.normalize("NFKC");
    return value.toLowerCase().replace(/[\s\u200b]+/g, "");
  }

  function learn(docs) {
    owners = Object.create(null);
    for (var i = 0; i < docs.length; i++) {
      var words = docs[i].names || [];
      for (var j = 0; j < words.length; j++) {
        var key = fold(words[j]);
        owners[key] = key in owners && owners[key] !== docs[i].location ? null : docs[i].location;
      }
    }
  }

  function promote(items, location) {
    for (var i = 1; i < items.length; i++) {
      for (var j = 0; j < items[i].length; j++) {
        if (items[i][j].location === location) {
          items.unshift(items.splice(i, 1)[0]);
          return;
        }
      }
    }
  }

  self.addEventListener("message", function (event) {
    var message = event.data || {};
    if (message.type === SETUP && message.data && message.data.docs) learn(message.data.docs);
    if (message.type === QUERY) query = fold(message.data);
  });

  var post = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === RESULT && message.data && message.data.items &&
        owners[query]) {
      promote(message.data.items, owners[query]);
    }
    return post.apply(self, arguments);
  };

  var material = /[?&]material=(search\.[0-9a-f]+\.min\.js)(&|$)/.exec(self.location.search);
  if (material) {
    importScripts(material[1]);
  } else {
    throw new Error("names-first.js: no ?material=search.<hash>.min.js in " + self.location.href);
  }
})();
