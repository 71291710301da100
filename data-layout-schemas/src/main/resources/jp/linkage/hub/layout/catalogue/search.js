// Search of the layout catalogue. Runs entirely in the browser on window.CATALOGUE_INDEX, the prebuilt
// index in search-index.js: no server, no network. Generated site; the source is in hub-launcher.
(function () {
  'use strict';
  var input = document.getElementById('q');
  var form = document.getElementById('search');
  var list = document.getElementById('results');
  var status = document.getElementById('status');
  var index = window.CATALOGUE_INDEX;
  if (!input || !form || !list || !status || !Array.isArray(index)) {
    return;
  }
  var LIMIT = 50;
  var PRIMARY = { 'code': 1, 'row': 1, '名称': 1, 'name': 1 };

  // Katakana to hiragana, so that コード and こーど (and ｺｰﾄﾞ after NFKC) are the same word.
  function kana(c) {
    var cp = c.codePointAt(0);
    return cp >= 0x30A1 && cp <= 0x30F6 ? String.fromCodePoint(cp - 0x60) : c;
  }

  // A query: NFKC over the whole string (composes half-width ｶﾞ into ガ, full-width Ａ into A), lower case.
  function fold(s) {
    var out = '';
    for (var c of s.normalize('NFKC').toLowerCase()) {
      out += kana(c);
    }
    return out;
  }

  // A text of the index, folded character by character so that a match maps back to the original.
  function prepare(label, text) {
    var folded = '';
    var starts = [];
    var offset = 0;
    for (var ch of text) {
      var f = fold(ch);
      for (var i = 0; i < f.length; i++) {
        starts.push(offset);
      }
      folded += f;
      offset += ch.length;
    }
    starts.push(offset);
    return { label: label, text: text, folded: folded, starts: starts };
  }

  var entries = index.map(function (e, order) {
    return { e: e, order: order, texts: e.texts.map(function (t) { return prepare(t[0], t[1]); }) };
  });

  // Best match of one term in an entry: exact beats prefix beats anywhere; names and codes beat descriptions.
  function best(entry, term) {
    var found = null;
    entry.texts.forEach(function (t) {
      var at = t.folded.indexOf(term);
      if (at < 0) {
        return;
      }
      var score = t.folded === term ? 100 : at === 0 ? 60 : 30;
      score += PRIMARY[t.label] ? 40 : 0; // a name or code containing the term beats a description starting with it
      if (!found || score > found.score) {
        found = { score: score, text: t, at: at, length: term.length };
      }
    });
    return found;
  }

  function search(query) {
    var terms = fold(query).split(/\s+/).filter(function (t) { return t.length > 0; });
    if (terms.length === 0) {
      return [];
    }
    var hits = [];
    entries.forEach(function (entry) {
      var matches = [];
      for (var i = 0; i < terms.length; i++) {
        var m = best(entry, terms[i]);
        if (!m) {
          return;
        }
        matches.push(m);
      }
      var score = matches.reduce(function (s, m) { return s + m.score; }, 0)
        + (entry.e.kind === 'item' ? 15 : entry.e.kind === 'field' ? 10 : 0);
      hits.push({ entry: entry, matches: matches, score: score });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.entry.order - b.entry.order; });
    return hits;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  // "matched in <label>: …before<mark>match</mark>after…", cut to about 80 characters around the match.
  function matchedLine(m) {
    var t = m.text;
    var from = t.starts[m.at];
    var to = t.starts[m.at + m.length];
    var start = Math.max(0, from - 30);
    var end = Math.min(t.text.length, to + 40);
    var line = el('p', 'matched');
    line.appendChild(el('span', 'label', 'matched in ' + t.label + ': '));
    var snippet = el('span', 'snippet');
    snippet.lang = /[\u3000-\u9fff\uff00-\uffef]/.test(t.text) ? 'ja' : 'en';
    snippet.appendChild(document.createTextNode((start > 0 ? '…' : '') + t.text.slice(start, from)));
    snippet.appendChild(el('mark', null, t.text.slice(from, to)));
    snippet.appendChild(document.createTextNode(t.text.slice(to, end) + (end < t.text.length ? '…' : '')));
    line.appendChild(snippet);
    return line;
  }

  function render(query) {
    var hits = search(query);
    list.textContent = '';
    if (query.trim() === '') {
      status.textContent = '';
      return;
    }
    status.textContent = hits.length === 0 ? 'No results for “' + query + '”.'
      : hits.length + (hits.length === 1 ? ' result' : ' results') + ' for “' + query + '”'
        + (hits.length > LIMIT ? ', showing the first ' + LIMIT : '') + '.';
    hits.slice(0, LIMIT).forEach(function (hit) {
      var e = hit.entry.e;
      var li = el('li', 'result result-' + e.kind);
      var a = el('a');
      a.href = e.url;
      a.appendChild(el('span', 'kind', e.kind));
      var title = el('span', 'title', e.title);
      title.lang = 'ja';
      a.appendChild(title);
      a.appendChild(el('span', 'en', e.en));
      a.appendChild(el('code', null, e.code));
      li.appendChild(a);
      li.appendChild(el('p', 'context', e.context));
      var shown = [];
      hit.matches.forEach(function (m) {
        if (shown.indexOf(m.text) < 0) {
          shown.push(m.text);
          li.appendChild(matchedLine(m));
        }
      });
      list.appendChild(li);
    });
  }

  input.addEventListener('input', function () { render(input.value); });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    render(input.value);
  });
  var initial = new URLSearchParams(window.location.search).get('q');
  if (initial) {
    input.value = initial;
    render(initial);
  }
}());
