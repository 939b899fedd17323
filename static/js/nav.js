/* The off-canvas menu on narrow screens. Loaded in <head> (no inline script: the CSP forbids it):
   it marks the page as scripted at once, so the CSS can hide the sidebar off-canvas behind the
   "Menu" button; without script the sidebar simply stacks above the page. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // A table wider than the screen scrolls inside its own box: make that box reachable with
  // the keyboard (Tab to it, then arrow keys scroll), and only while it does scroll.
  function scrollableTables() {
    document.querySelectorAll("main table, main .table-box").forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1 && getComputedStyle(box).overflowX !== "visible";
      if (scrolls) { box.setAttribute("tabindex", "0"); } else if (box.getAttribute("tabindex") === "0") { box.removeAttribute("tabindex"); }
    });
  }

  function setup() {
    scrollableTables();
    var resizing;
    window.addEventListener("resize", function () { clearTimeout(resizing); resizing = setTimeout(scrollableTables, 150); });
    var toggle = document.querySelector("[data-nav-toggle]");
    var sidebar = document.getElementById("sidebar");
    if (!toggle || !sidebar) { return; }
    var close = sidebar.querySelector("[data-nav-close]");

    function isOpen() { return document.body.classList.contains("nav-open"); }

    function open() {
      document.body.classList.add("nav-open");
      toggle.setAttribute("aria-expanded", "true");
      var first = sidebar.querySelector("input, a, summary");
      (close || first || sidebar).focus();
    }

    function shut(returnFocus) {
      document.body.classList.remove("nav-open");
      toggle.setAttribute("aria-expanded", "false");
      if (returnFocus) { toggle.focus(); }
    }

    toggle.addEventListener("click", function () { if (isOpen()) { shut(true); } else { open(); } });
    if (close) { close.addEventListener("click", function () { shut(true); }); }
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && isOpen()) { shut(true); }
    });
    document.addEventListener("click", function (event) {
      if (isOpen() && !sidebar.contains(event.target) && !toggle.contains(event.target)) { shut(false); }
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", setup); } else { setup(); }
})();
