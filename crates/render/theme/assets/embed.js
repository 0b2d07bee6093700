// Embed cards: the provider's player is loaded only when the reader asks for it, so opening an
// article sends nothing to YouTube, X or anyone else. Without this script the card is a link.
(function () {
  "use strict";
  document.querySelectorAll("a[data-embed-src]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var src = link.getAttribute("data-embed-src");
      if (!src || src.indexOf("https://") !== 0) return;
      event.preventDefault();
      var frame = document.createElement("iframe");
      frame.src = src;
      frame.title = link.querySelector(".embed-provider").textContent;
      frame.setAttribute("allow", "autoplay; encrypted-media; fullscreen; picture-in-picture");
      frame.setAttribute("allowfullscreen", "");
      frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
      frame.className = "embed-player";
      var figure = link.parentNode;
      figure.replaceChild(frame, link);
      figure.classList.add("embed-loaded");
      frame.focus();
    });
  });
})();
