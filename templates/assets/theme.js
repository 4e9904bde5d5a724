// Applies the saved theme before the first paint, so a dark-mode reader
// never sees a white flash. Loaded synchronously in <head>.
(function () {
  try {
    var t = localStorage.getItem("archdoc-theme");
    if (t === "dark" || t === "light") document.documentElement.setAttribute("data-theme", t);
  } catch (e) { /* storage may be disabled; follow the system theme */ }
})();
