// The main menu's groups are <details> disclosures that work without this file. It only keeps one group open at
// a time, and closes the open one on Escape (focus back on its name) or on a click outside it.
(function () {
  "use strict";
  function groups() {
    return document.querySelectorAll(".fab-menu > details");
  }
  function closeAll(except) {
    groups().forEach(function (group) {
      if (group !== except) group.open = false;
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    groups().forEach(function (group) {
      group.addEventListener("toggle", function () {
        if (group.open) closeAll(group);
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      groups().forEach(function (group) {
        if (group.open) {
          group.open = false;
          group.querySelector("summary").focus();
        }
      });
    });
    document.addEventListener("click", function (event) {
      if (!event.target.closest(".fab-menu")) closeAll(null);
    });
  });
})();
