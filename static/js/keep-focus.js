// Keyboard users keep their place when htmx swaps away the control they were on.
// A region marked data-focus-scope (a question, a plan item) that held the focus before a request
// gets it back after the swap: on its first control, or on the region itself.
(function () {
  "use strict";
  var scopeId = null;

  document.addEventListener("htmx:beforeRequest", function () {
    var active = document.activeElement;
    var scope = active && active.closest ? active.closest("[data-focus-scope]") : null;
    scopeId = scope && scope.id ? scope.id : null;
  });

  document.addEventListener("htmx:afterSettle", function () {
    if (!scopeId) {
      return;
    }
    var active = document.activeElement;
    var id = scopeId;
    scopeId = null;
    if (active && active !== document.body && document.body.contains(active)) {
      return;
    }
    var scope = document.getElementById(id);
    if (!scope) {
      return;
    }
    var control = scope.querySelector(
      "button:not([disabled]), a[href], input:not([type=hidden]), select, textarea"
    );
    (control || scope).focus();
  });
})();
