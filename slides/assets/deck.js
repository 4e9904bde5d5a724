(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("deck-data").textContent);
  var frames = Array.prototype.slice.call(document.querySelectorAll("#deck > .frame"));
  var n = frames.length, cur = 0;
  var body = document.body;
  var presenter = /^#presenter/.test(location.hash);
  var peer = null; // the other window (presenter <-> audience)
  var channel = null;
  try { channel = new BroadcastChannel("archdoc-deck:" + data.key); } catch (e) { channel = null; }

  // Shrink text that does not fit its slide, so nothing is cut off.
  function fitAll() {
    frames.forEach(function (f) {
      var b = f.querySelector(".slide .body");
      if (!b) return;
      f.classList.add("measure");
      var size = parseFloat(getComputedStyle(b).fontSize);
      while (b.scrollHeight > b.clientHeight + 1 && size > 11) {
        size -= 1;
        b.style.fontSize = size + "px";
      }
      f.classList.remove("measure");
    });
  }

  function scale() {
    var s = Math.min(window.innerWidth / 1280, window.innerHeight / 720);
    document.documentElement.style.setProperty("--scale", String(s));
    if (presenter) layoutPresenter();
  }

  function parseHash() {
    var m = /^#(?:presenter)?\/?(\d+)/.exec(location.hash);
    return m ? Math.min(Math.max(parseInt(m[1], 10) - 1, 0), n - 1) : 0;
  }

  function setHash(i) {
    var h = (presenter ? "#presenter/" : "#/") + (i + 1);
    if (location.hash === h) return;
    try { history.replaceState(null, "", h); } catch (e) { location.hash = h; }
  }

  // Progressive reveal: a diagram slide whose figure has data-build shows
  // its steps one by one: → shows the next step before the next slide, ←
  // takes one back, and a slide reached backwards shows complete.
  // ?reveal=0 shows every diagram whole; print and overview always do.
  var reveal = !/[?&]reveal=0(?:&|$)/.test(location.search);
  var builds = frames.map(function (f) {
    var fig = f.querySelector("figure.diagram[data-build]");
    if (!reveal || !fig) return null;
    try {
      var b = JSON.parse(fig.getAttribute("data-build"));
      b.last = b.captions.length - 1;
      return b.last > 0 ? b : null;
    } catch (e) { return null; }
  });
  var step = 0;
  function stepOf(map, id) { return Object.prototype.hasOwnProperty.call(map, id) ? map[id] : 0; }
  // showStep makes frame f (or a presenter's copy of it) show build b up to step k.
  function showStep(f, b, k) {
    var svg = f.querySelector("figure.diagram svg");
    if (!b || !svg) return;
    svg.querySelectorAll(".clusters > [data-id], .nodes > [data-id], .lifelines > [data-id]").forEach(function (el) {
      el.classList.toggle("later", stepOf(b.nodes, el.getAttribute("data-id")) > k);
    });
    svg.querySelectorAll(".edges > [data-id]").forEach(function (el) {
      el.classList.toggle("later", stepOf(b.edges, el.getAttribute("data-id")) > k);
    });
    f.setAttribute("data-step", String(k));
  }
  function next() {
    var b = builds[cur];
    if (b && step < b.last) go(cur, false, step + 1);
    else go(cur + 1);
  }
  function prev() {
    if (builds[cur] && step > 0) go(cur, false, step - 1);
    else go(cur - 1, false, "end");
  }

  // go shows slide i at step k of its build (0 when omitted, its last with "end").
  function go(i, fromPeer, k) {
    i = Math.min(Math.max(i, 0), n - 1);
    if (frames[cur]) frames[cur].classList.remove("current");
    var changed = i !== cur;
    cur = i;
    var b = builds[cur];
    step = !b ? 0 : k === "end" ? b.last : Math.min(Math.max(k || 0, 0), b.last);
    showStep(frames[cur], b, step);
    frames[cur].classList.add("current");
    setHash(cur);
    document.title = data.title + " (" + (cur + 1) + "/" + n + ")";
    if (presenter) showPresenter();
    if (changed) slideStart = Date.now();
    if (!fromPeer) broadcast();
  }

  function broadcast() {
    var msg = { type: "archdoc-goto", key: data.key, index: cur, step: step };
    if (channel) { try { channel.postMessage(msg); } catch (e) {} }
    if (peer && !peer.closed) { try { peer.postMessage(msg, "*"); } catch (e) {} }
    try { localStorage.setItem("archdoc-deck:" + data.key, JSON.stringify({ index: cur, step: step, t: Date.now() })); } catch (e) {}
  }

  function receive(msg) {
    if (msg && msg.type === "archdoc-goto" && msg.key === data.key && (msg.index !== cur || (msg.step || 0) !== step)) go(msg.index, true, msg.step || 0);
  }

  function toggleOverview(on) {
    if (presenter) return;
    on = on === undefined ? !body.classList.contains("overview") : on;
    body.classList.toggle("overview", on);
    if (on) frames[cur].scrollIntoView({ block: "center" });
  }

  function openPresenter() {
    if (presenter) return;
    var url = location.href.replace(/#.*$/, "") + "#presenter/" + (cur + 1);
    peer = window.open(url, "archdoc-presenter-" + data.key, "width=1200,height=760");
  }

  // Presenter view: current and next slide, notes, timer.
  var started = Date.now(), slideStart = Date.now();
  function stageClone(id, i, k) {
    var stage = document.getElementById(id);
    stage.textContent = "";
    if (i >= n) return;
    var f = frames[i].cloneNode(true);
    f.removeAttribute("id");
    f.classList.remove("current");
    showStep(f, builds[i], k);
    // Its own arrow heads: the ids it shares with the hidden original
    // would point at a marker that does not draw.
    f.querySelectorAll("marker[id]").forEach(function (m) {
      var from = "url(#" + m.id + ")";
      m.id += "-" + id;
      f.querySelectorAll("[marker-end]").forEach(function (p) {
        if (p.getAttribute("marker-end") === from) p.setAttribute("marker-end", "url(#" + m.id + ")");
      });
    });
    stage.appendChild(f);
  }
  function layoutPresenter() {
    ["p-current", "p-next"].forEach(function (id) {
      var stage = document.getElementById(id), f = stage.firstChild;
      if (f) f.style.transform = "scale(" + stage.clientWidth / 1280 + ")";
    });
  }
  // The presenter sees the current step, what the next press shows (the
  // next step, else the next slide) and, under the notes, the steps with
  // the current one marked.
  function showPresenter() {
    var b = builds[cur];
    stageClone("p-current", cur, step);
    var building = b && step < b.last;
    if (building) stageClone("p-next", cur, step + 1);
    else stageClone("p-next", cur + 1, 0);
    document.getElementById("p-next-label").textContent = building ? data.labels.step : data.labels.next;
    var notes = frames[cur].querySelector(".notes");
    var box = document.getElementById("p-notes");
    box.innerHTML = notes ? notes.innerHTML : "";
    if (b) {
      var list = document.createElement("ol");
      list.className = "p-steps";
      b.captions.forEach(function (c, j) {
        var li = document.createElement("li");
        li.textContent = c;
        li.className = j < step ? "done" : j === step ? "now" : "";
        list.appendChild(li);
      });
      box.appendChild(list);
      var now = list.querySelector(".now");
      if (now && now.scrollIntoView) now.scrollIntoView({ block: "nearest" });
    }
    layoutPresenter();
    tick();
  }
  function mmss(s) {
    s = Math.max(0, Math.round(s));
    var m = Math.floor(s / 60), r = s % 60;
    return (m < 10 ? "0" : "") + m + ":" + (r < 10 ? "0" : "") + r;
  }
  function tick() {
    if (!presenter) return;
    var el = (Date.now() - started) / 1000;
    document.getElementById("p-elapsed").textContent = mmss(el);
    document.querySelector(".p-timer").classList.toggle("over", data.duration > 0 && el > data.duration);
    var budget = parseInt(frames[cur].querySelector(".slide").getAttribute("data-seconds"), 10) || 0;
    var st = document.getElementById("p-slide-time");
    if (budget > 0) {
      var on = (Date.now() - slideStart) / 1000;
      st.textContent = data.labels.slide + " " + mmss(on) + " / " + mmss(budget);
      st.classList.toggle("over", on > budget);
    } else {
      st.textContent = "";
    }
  }

  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var k = e.key;
    if (k === "ArrowRight" || k === "ArrowDown" || k === "PageDown" || k === " " || k === "Enter" || k === "n") next();
    else if (k === "ArrowLeft" || k === "ArrowUp" || k === "PageUp" || k === "Backspace" || k === "P") prev();
    else if (k === "Home") go(0);
    else if (k === "End") go(n - 1, false, "end");
    else if (k === "o" || k === "O") toggleOverview();
    else if (k === "Escape") toggleOverview(false);
    else if (k === "p") openPresenter();
    else return;
    e.preventDefault();
  });

  document.getElementById("deck").addEventListener("click", function (e) {
    if (e.target.closest("a")) return;
    var f = e.target.closest(".frame");
    if (body.classList.contains("overview")) {
      if (f) { go(frames.indexOf(f)); toggleOverview(false); }
      return;
    }
    if (e.clientX < window.innerWidth * 0.3) prev(); else next();
  });
  document.getElementById("prev").addEventListener("click", prev);
  document.getElementById("next").addEventListener("click", next);
  document.getElementById("overview-btn").addEventListener("click", function () { toggleOverview(); });
  document.getElementById("presenter-btn").addEventListener("click", openPresenter);
  document.getElementById("p-reset").addEventListener("click", function () { started = slideStart = Date.now(); tick(); });

  var touchX = null, touchY = null;
  document.addEventListener("touchstart", function (e) {
    if (e.touches.length === 1) { touchX = e.touches[0].clientX; touchY = e.touches[0].clientY; }
  }, { passive: true });
  document.addEventListener("touchend", function (e) {
    if (touchX === null || body.classList.contains("overview")) return;
    var dx = e.changedTouches[0].clientX - touchX, dy = e.changedTouches[0].clientY - touchY;
    touchX = null;
    if (Math.abs(dx) > 50 && Math.abs(dx) > Math.abs(dy)) { if (dx < 0) next(); else prev(); }
  }, { passive: true });

  window.addEventListener("hashchange", function () { var i = parseHash(); if (i !== cur) go(i); });
  window.addEventListener("resize", scale);
  window.addEventListener("message", function (e) { if (e.source && e.source !== window) peer = e.source; receive(e.data); });
  if (channel) channel.onmessage = function (e) { receive(e.data); };
  window.addEventListener("storage", function (e) {
    if (e.key !== "archdoc-deck:" + data.key || !e.newValue) return;
    try { var v = JSON.parse(e.newValue); receive({ type: "archdoc-goto", key: data.key, index: v.index, step: v.step }); } catch (x) {}
  });

  if (presenter) {
    body.classList.add("presenter");
    document.getElementById("presenter").hidden = false;
    if (window.opener) peer = window.opener;
    setInterval(tick, 1000);
  }
  fitAll();
  scale();
  cur = -1;
  go(parseHash(), true);
})();
