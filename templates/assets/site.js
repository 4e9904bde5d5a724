// archdoc site behaviour: theme toggle, client-side search, diagram hover,
// zoom and pan.
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

  // ---- diagrams: zoom (buttons, pinch), pan (scroll, drag), full screen,
  // and a shadow plus a line of text when part of the diagram is hidden.
  var words = document.body.dataset;
  function button(label, text, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.title = label;
    b.setAttribute("aria-label", label);
    b.textContent = text;
    b.addEventListener("click", onClick);
    return b;
  }
  // icon draws a 20×20 stroked path (no icon font: the site is offline).
  function icon(d) {
    var ns = "http://www.w3.org/2000/svg", s = document.createElementNS(ns, "svg"), p = document.createElementNS(ns, "path");
    s.setAttribute("viewBox", "0 0 20 20"); s.setAttribute("width", "16"); s.setAttribute("height", "16"); s.setAttribute("aria-hidden", "true");
    p.setAttribute("d", d); p.setAttribute("fill", "none"); p.setAttribute("stroke", "currentColor"); p.setAttribute("stroke-width", "2");
    s.appendChild(p);
    return s;
  }
  document.querySelectorAll("figure.diagram").forEach(function (fig) {
    var svg = fig.querySelector(":scope > svg");
    if (!svg) return;
    var vb = svg.viewBox && svg.viewBox.baseVal;
    var natural = (vb && vb.width) || svg.getBoundingClientRect().width || 600;
    var pan = document.createElement("div");
    pan.className = "diagram-pan";
    fig.insertBefore(pan, svg);
    pan.appendChild(svg);
    var more = document.createElement("p");
    more.className = "diagram-more";
    more.textContent = words.tMore || "Part of the diagram is hidden: scroll, drag or zoom.";
    function scale() { return svg.getBoundingClientRect().width / natural; }
    function setScale(s) {
      s = Math.max(0.2, Math.min(4, s));
      svg.style.maxWidth = "none";
      svg.style.width = Math.round(natural * s) + "px";
      update();
    }
    function fit() { setScale((pan.clientWidth - 2) / natural); }
    function update() {
      var hidden = pan.scrollWidth - pan.clientWidth > 2 || pan.scrollHeight - pan.clientHeight > 2;
      var atEnd = pan.scrollLeft + pan.clientWidth >= pan.scrollWidth - 2;
      fig.classList.toggle("has-more", hidden);
      fig.classList.toggle("more-right", hidden && !atEnd);
    }
    function full(on) {
      fig.classList.toggle("diagram-full", on);
      document.body.classList.toggle("has-full-diagram", on);
      fs.textContent = "";
      fs.appendChild(icon(on ? "M5 5l10 10M15 5L5 15" : "M3 8V3h5M12 3h5v5M17 12v5h-5M8 17H3v-5"));
      fs.title = on ? (words.tCloseFull || "Close") : (words.tFull || "Full screen");
      fs.setAttribute("aria-label", fs.title);
      if (on) fit(); else { svg.style.width = ""; svg.style.maxWidth = ""; update(); }
    }
    var fs = button(words.tFull || "Full screen", "", function () { full(!fig.classList.contains("diagram-full")); });
    fs.appendChild(icon("M3 8V3h5M12 3h5v5M17 12v5h-5M8 17H3v-5"));
    var tools = document.createElement("div");
    tools.className = "diagram-tools";
    tools.appendChild(button(words.tZoomOut || "Zoom out", "−", function () { setScale(scale() / 1.25); }));
    tools.appendChild(button(words.tZoomIn || "Zoom in", "+", function () { setScale(scale() * 1.25); }));
    tools.appendChild(button(words.tFit || "Fit", "↔", fit));
    tools.appendChild(fs);
    fig.insertBefore(tools, pan);
    fig.insertBefore(more, pan.nextSibling);
    fig.addEventListener("keydown", function (ev) { if (ev.key === "Escape" && fig.classList.contains("diagram-full")) full(false); });
    pan.addEventListener("scroll", update, { passive: true });
    window.addEventListener("resize", update);
    // Two fingers zoom the diagram, not the page; one finger scrolls it.
    var pinch = null;
    function spread(t) { return Math.hypot(t[0].clientX - t[1].clientX, t[0].clientY - t[1].clientY); }
    pan.addEventListener("touchstart", function (ev) {
      if (ev.touches.length === 2) pinch = { d: spread(ev.touches), s: scale() };
    }, { passive: true });
    pan.addEventListener("touchmove", function (ev) {
      if (!pinch || ev.touches.length !== 2) return;
      ev.preventDefault();
      setScale(pinch.s * spread(ev.touches) / pinch.d);
    }, { passive: false });
    pan.addEventListener("touchend", function (ev) { if (ev.touches.length < 2) pinch = null; });
    // A mouse drags the diagram around once it is larger than its box.
    var drag = null;
    pan.addEventListener("pointerdown", function (ev) {
      if (ev.pointerType !== "mouse" || ev.button !== 0 || !fig.classList.contains("has-more")) return;
      drag = { x: ev.clientX, y: ev.clientY, l: pan.scrollLeft, t: pan.scrollTop, moved: false };
    });
    pan.addEventListener("pointermove", function (ev) {
      if (!drag) return;
      var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 4) drag.moved = true;
      pan.scrollLeft = drag.l - dx; pan.scrollTop = drag.t - dy;
    });
    window.addEventListener("pointerup", function () { setTimeout(function () { drag = null; }, 0); });
    pan.addEventListener("click", function (ev) { if (drag && drag.moved) { ev.preventDefault(); ev.stopPropagation(); } }, true);
    update();
  });
})();
