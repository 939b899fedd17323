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
    // The stops of the open menu, in order: links, buttons, fields and group headings that show.
    function stops() {
      return Array.prototype.filter.call(
        sidebar.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])"),
        function (element) {
          // Inside a closed group only its heading (summary) shows.
          var from = element.tagName === "SUMMARY" ? element.parentElement.parentElement : element.parentElement;
          var closed = from && from.closest("details:not([open])");
          return !closed && element.offsetParent !== null && !element.disabled;
        }
      );
    }

    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && isOpen()) { shut(true); return; }
      // While the off-canvas menu is open, Tab goes round it and never to the page behind it.
      if (event.key !== "Tab" || !isOpen() || getComputedStyle(sidebar).position !== "fixed") { return; }
      var all = stops();
      if (!all.length) { return; }
      var first = all[0], last = all[all.length - 1], here = document.activeElement;
      if (event.shiftKey && (here === first || !sidebar.contains(here))) { event.preventDefault(); last.focus(); }
      else if (!event.shiftKey && (here === last || !sidebar.contains(here))) { event.preventDefault(); first.focus(); }
    });
    document.addEventListener("click", function (event) {
      if (isOpen() && !sidebar.contains(event.target) && !toggle.contains(event.target)) { shut(false); }
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", setup); } else { setup(); }
})();
