// The search page: Pagefind's UI over the index written at build time. Works offline
// and under any base path (the bundle and base URL come from data attributes).
window.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("search");
  if (!box || typeof PagefindUI === "undefined") return;
  var ui = new PagefindUI({
    element: "#search",
    bundlePath: box.dataset.bundle,
    baseUrl: box.dataset.baseUrl,
    showSubResults: false,
    showImages: true,
    resetStyles: false,
    autofocus: false
  });
  // Pagefind's input has a placeholder but no visible label: give it one, in the page's
  // language (the template puts the catalog's words in data-label).
  var input = box.querySelector("input");
  if (input) {
    input.id = "search-input";
    var label = document.createElement("label");
    label.htmlFor = "search-input";
    label.className = "search-label";
    label.textContent = box.dataset.label || "Search the stories";
    box.insertBefore(label, box.firstChild);
  }
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
});
