// Network filter for the private social calendar. Without JavaScript every share stays visible.
(function () {
  var box = document.querySelector(".filters");
  if (!box) { return; }
  box.hidden = false;
  function apply() {
    var shown = {};
    box.querySelectorAll("input[name=network]").forEach(function (input) { shown[input.value] = input.checked; });
    document.querySelectorAll("[data-network]").forEach(function (node) {
      if (shown[node.getAttribute("data-network")] === false) { node.setAttribute("data-hidden", ""); }
      else { node.removeAttribute("data-hidden"); }
    });
  }
  box.addEventListener("change", apply);
  apply();
}());
