/* The département map (network/map/_map.html): the département focused or under the pointer gets a ring drawn
   over every other shape and a label with its name and status next to it.

   SVG paints in document order and has no z-index: a ring drawn by the shape itself is covered by the neighbours
   that come after it. So the ring is an overlay, two <use> copies of the shape at the end of the SVG (a white halo
   under the focus colour), pointed at the shape here. The label repeats the link's accessible name, so it is
   hidden from assistive technologies; Escape hides it (WCAG 1.4.13), and it stays while the pointer is over it.
   Without JavaScript the shape's own edge shows the focus and the table under the map gives every name. */
(function () {
  "use strict";

  function setUp(svg) {
    var canvas = svg.closest(".fab-map-canvas");
    var overlay = svg.querySelector(".fab-map-focus");
    var label = canvas && canvas.querySelector(".fab-map-label");
    if (!overlay || !label) {
      return;
    }
    var copies = overlay.querySelectorAll("use");
    var nameLine = label.querySelector(".fab-map-label-name");
    var detailLine = label.querySelector(".fab-map-label-detail");
    var focused = null; // the département (element with data-name) that has the focus
    var hovered = null; // the one under the pointer
    var dismissed = null; // the one whose label Escape hid

    function departementOf(target) {
      var found = target && target.closest ? target.closest("[data-name]") : null;
      return found && svg.contains(found) ? found : null;
    }

    function shapeOf(departement) {
      return departement.classList.contains("dep") ? departement : departement.querySelector(".dep");
    }

    function place(shape) {
      var box = shape.getBoundingClientRect();
      var frame = canvas.getBoundingClientRect();
      var gap = 8;
      var width = label.offsetWidth;
      var height = label.offsetHeight;
      var left = box.left - frame.left + box.width / 2 - width / 2;
      left = Math.max(0, Math.min(left, frame.width - width));
      // Under the shape; above it when there is no room below, in the map or in the window (the focus scrolls a
      // département only just into view).
      var top = box.bottom - frame.top + gap;
      var bottom = Math.min(frame.bottom, window.innerHeight);
      if (box.bottom + gap + height > bottom && box.top - gap - height >= Math.max(frame.top, 0)) {
        top = box.top - frame.top - gap - height;
      }
      label.style.left = left + "px";
      label.style.top = Math.max(0, top) + "px";
    }

    function show() {
      var current = hovered || focused;
      if (!current) {
        copies.forEach(function (copy) {
          copy.removeAttribute("href");
        });
        label.hidden = true;
        return;
      }
      var shape = shapeOf(current);
      copies.forEach(function (copy) {
        copy.setAttribute("href", "#" + shape.id);
      });
      svg.appendChild(overlay); // stays the last child, over every shape
      if (current === dismissed) {
        label.hidden = true;
        return;
      }
      nameLine.textContent = current.getAttribute("data-name");
      detailLine.textContent = current.getAttribute("data-detail");
      label.hidden = false;
      place(shape);
    }

    // On the HTML canvas, not the SVG: Chromium makes an SVG element with focus listeners a tab stop of its own.
    canvas.addEventListener("focusin", function (event) {
      focused = departementOf(event.target);
      hovered = null;
      dismissed = null;
      show();
    });
    canvas.addEventListener("focusout", function () {
      focused = null;
      show();
    });
    svg.addEventListener("pointerover", function (event) {
      var departement = departementOf(event.target);
      if (departement && departement !== hovered) {
        hovered = departement;
        dismissed = null;
        show();
      }
    });
    // Leaving the map for the label keeps the label (it can be hovered); leaving both hides it.
    canvas.addEventListener("pointerleave", function () {
      hovered = null;
      show();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !label.hidden) {
        dismissed = hovered || focused;
        label.hidden = true;
      }
    });
    window.addEventListener("resize", function () {
      if (!label.hidden) {
        show();
      }
    });
  }

  document.querySelectorAll("svg.fab-map").forEach(setUp);
})();
