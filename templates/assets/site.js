// archdoc site behaviour: theme toggle, client-side search, diagram hover.
// Works from file:// (the index is a script, not a fetch). Model text is
// only ever inserted with textContent, never innerHTML.
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "";

  // ---- theme ---------------------------------------------------------
  function currentTheme() {
    var t = document.documentElement.getAttribute("data-theme");
    if (t) return t;
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  var toggle = document.getElementById("theme-toggle");
  if (toggle) {
    toggle.addEventListener("click", function () {
      var next = currentTheme() === "dark" ? "light" : "dark";
      document.documentElement.setAttribute("data-theme", next);
      try { localStorage.setItem("archdoc-theme", next); } catch (e) { /* private mode */ }
    });
  }

  // ---- search --------------------------------------------------------
  var index = (window.ARCHDOC_INDEX || []).map(function (e) {
    return { e: e, title: (e.t || "").toLowerCase(), hay: ((e.t || "") + "\n" + (e.x || "")).toLowerCase(), also: (e.a || "").toLowerCase() };
  });
  var box = document.getElementById("search");
  var list = document.getElementById("search-results");

  function terms(q) {
    return q.toLowerCase().split(/[\s\u3000,，、。;；]+/).filter(function (t) { return t.length > 0; });
  }
  function bigrams(s) {
    var out = [];
    for (var i = 0; i + 1 < s.length; i++) out.push(s.substr(i, 2));
    return out.length ? out : [s];
  }
  // score: every term as a substring (Chinese needs no spaces), title hits
  // weigh more; then the title's pinyin and the id; failing that, most of
  // a term's character bigrams.
  function score(item, ts) {
    var total = 0;
    for (var i = 0; i < ts.length; i++) {
      var t = ts[i], s = 0;
      if (item.title === t) s = 100;
      else if (item.title.indexOf(t) === 0) s = 60;
      else if (item.title.indexOf(t) >= 0) s = 40;
      else if (item.hay.indexOf(t) >= 0) s = 10;
      else if (item.also.indexOf(t) >= 0) s = 5; // pinyin or id: below any exact hit
      else if (t.length >= 3) {
        var bg = bigrams(t), hit = 0;
        for (var j = 0; j < bg.length; j++) if (item.hay.indexOf(bg[j]) >= 0) hit++;
        if (hit / bg.length >= 0.6) s = 3 * hit / bg.length;
      }
      if (!s) return 0;
      total += s;
    }
    return total;
  }
  function search(q) {
    var ts = terms(q), res = [];
    if (!ts.length) return res;
    index.forEach(function (item, i) {
      var s = score(item, ts);
      if (s) res.push({ item: item, s: s, i: i });
    });
    res.sort(function (a, b) { return b.s - a.s || a.i - b.i; });
    return res.slice(0, 20);
  }
  function snippet(text, ts) {
    var low = text.toLowerCase(), at = -1, len = 0;
    for (var i = 0; i < ts.length && at < 0; i++) { at = low.indexOf(ts[i]); len = ts[i].length; }
    var frag = document.createDocumentFragment();
    if (at < 0) { frag.appendChild(document.createTextNode(text.slice(0, 90))); return frag; }
    var start = Math.max(0, at - 30), end = Math.min(text.length, at + len + 60);
    frag.appendChild(document.createTextNode((start > 0 ? "…" : "") + text.slice(start, at)));
    var mark = document.createElement("mark");
    mark.textContent = text.slice(at, at + len);
    frag.appendChild(mark);
    frag.appendChild(document.createTextNode(text.slice(at + len, end) + (end < text.length ? "…" : "")));
    return frag;
  }
  var active = -1;
  function show(q) {
    list.textContent = "";
    active = -1;
    if (!q.trim()) { list.hidden = true; return; }
    var ts = terms(q), res = search(q);
    if (!res.length) {
      var li = document.createElement("li");
      li.className = "r-empty";
      li.textContent = list.getAttribute("data-empty") || "No results";
      list.appendChild(li);
    }
    res.forEach(function (r) {
      var e = r.item.e, li = document.createElement("li"), a = document.createElement("a");
      a.href = root + e.u;
      var kind = document.createElement("span"); kind.className = "r-kind"; kind.textContent = e.k || "";
      var title = document.createElement("span"); title.className = "r-title"; title.textContent = e.t || "";
      var text = document.createElement("span"); text.className = "r-text"; text.appendChild(snippet(e.x || "", ts));
      a.appendChild(kind); a.appendChild(title); a.appendChild(text);
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = false;
  }
  function links() { return list.querySelectorAll("a"); }
  function setActive(i) {
    var ls = links();
    if (!ls.length) return;
    active = (i + ls.length) % ls.length;
    ls.forEach(function (a, j) { a.classList.toggle("active", j === active); });
    ls[active].scrollIntoView({ block: "nearest" });
  }
  if (box && list) {
    box.addEventListener("input", function () { show(box.value); });
    box.addEventListener("focus", function () { if (box.value) show(box.value); });
    box.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown") { ev.preventDefault(); setActive(active + 1); }
      else if (ev.key === "ArrowUp") { ev.preventDefault(); setActive(active - 1); }
      else if (ev.key === "Enter") {
        var ls = links();
        if (ls.length) { ev.preventDefault(); ls[active >= 0 ? active : 0].click(); }
      } else if (ev.key === "Escape") { box.value = ""; show(""); box.blur(); }
    });
    document.addEventListener("click", function (ev) {
      if (!ev.target.closest || !ev.target.closest(".search")) list.hidden = true;
    });
    document.addEventListener("keydown", function (ev) {
      var t = ev.target, typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable);
      if (ev.key === "/" && !typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey) { ev.preventDefault(); box.focus(); box.select(); }
    });
  }

  // ---- heading anchors: a "#" link to share a section --------------
  document.querySelectorAll("main h2[id], main h3[id], main h4[id], main .entry[id] > h2").forEach(function (h) {
    var id = h.id || h.parentElement.id;
    var a = document.createElement("a");
    a.className = "anchor";
    a.href = "#" + encodeURIComponent(id);
    a.setAttribute("aria-label", "#");
    a.textContent = "#";
    h.appendChild(a);
  });

  // ---- diagrams: hovering a node highlights it, its edges and neighbours
  function cssEscape(s) { return window.CSS && CSS.escape ? CSS.escape(s) : s.replace(/["\\]/g, "\\$&"); }
  document.querySelectorAll(".diagram svg").forEach(function (svg) {
    var parts = svg.querySelectorAll("[data-id]");
    function clear() {
      svg.classList.remove("hovering");
      parts.forEach(function (p) { p.classList.remove("dim", "hl"); });
    }
    svg.addEventListener("mouseover", function (ev) {
      var el = ev.target.closest && ev.target.closest("[data-id]");
      if (!el || !svg.contains(el)) { clear(); return; }
      var keep = {}, id = el.getAttribute("data-id");
      keep[id] = true;
      if (el.hasAttribute("data-from")) {
        keep[el.getAttribute("data-from")] = true; keep[el.getAttribute("data-to")] = true;
      } else {
        svg.querySelectorAll('[data-from="' + cssEscape(id) + '"],[data-to="' + cssEscape(id) + '"]').forEach(function (e) {
          keep[e.getAttribute("data-id")] = true;
          keep[e.getAttribute("data-from")] = true;
          keep[e.getAttribute("data-to")] = true;
        });
      }
      svg.classList.add("hovering");
      parts.forEach(function (p) {
        var on = keep[p.getAttribute("data-id")] === true;
        var isCluster = p.getAttribute("data-kind") === "cluster" || p.classList.contains("cluster");
        p.classList.toggle("hl", on);
        p.classList.toggle("dim", !on && !isCluster);
      });
    });
    svg.addEventListener("mouseleave", clear);
  });
})();
