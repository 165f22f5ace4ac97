"use strict";
(function () {
  var filters = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));
  var cards = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-group]"));
  var counter = document.getElementById("shown");

  function apply() {
    var want = {};
    filters.forEach(function (f) {
      if (f.value) { want[f.getAttribute("data-filter")] = f.value; }
    });
    var shown = 0;
    cards.forEach(function (card) {
      var keep = Object.keys(want).every(function (key) {
        return card.getAttribute("data-" + key) === want[key];
      });
      card.hidden = !keep;
      if (keep) { shown += 1; }
    });
    groups.forEach(function (group) {
      group.hidden = Object.keys(want).length > 0 && !group.querySelector(".finding:not([hidden])");
    });
    counter.textContent = String(shown);
    document.body.setAttribute("data-shown", String(shown));
  }

  // Presets from the address: #entity=…&code=…&metric=… (an anchor such as #f-… is left alone).
  var preset = new URLSearchParams(window.location.hash.slice(1));
  filters.forEach(function (f) {
    var value = preset.get(f.getAttribute("data-filter"));
    if (value !== null) { f.value = value; }
    f.addEventListener("change", apply);
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-set-code]"), function (button) {
    button.addEventListener("click", function () {
      filters.forEach(function (f) {
        if (f.getAttribute("data-filter") === "code") { f.value = button.getAttribute("data-set-code"); }
      });
      apply();
    });
  });
  apply();
})();
