// 长者模式 (senior mode): switched by the header button, remembered across
// pages in localStorage; an inline script in <head> turns it on before the
// first paint (overrides/main.html).
(function () {
  var KEY = "gongshi.elder";
  var root = document.documentElement;

  function show() {
    var on = root.classList.contains("gs-elder");
    document.querySelectorAll("[data-gs-elder]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(on));
    });
  }

  document.addEventListener("click", function (event) {
    if (!event.target.closest("[data-gs-elder]")) return;
    var on = root.classList.toggle("gs-elder");
    try { localStorage.setItem(KEY, on ? "1" : "0"); } catch (e) { /* private mode: this page only */ }
    show();
  });
  show();
})();
