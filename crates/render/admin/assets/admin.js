// Dateline newsroom: progressive enhancements. Every screen works without this file.
(function () {
  "use strict";
  var main = document.getElementById("main");
  var csrf = main && main.getAttribute("data-csrf");

  // Suggest a slug from the headline until the writer types one.
  var source = document.querySelector("[data-slug-source]");
  var target = document.querySelector("[data-slug-target]");
  if (source && target) {
    source.addEventListener("input", function () {
      if (target.value !== "") return;
      target.placeholder = source.value.normalize("NFKD").toLowerCase()
        .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 120) || "from the headline";
    });
  }

  // Live preview through the reader site's own Markdown renderer.
  var body = document.querySelector("[data-preview-source]");
  var preview = document.querySelector("[data-preview-target]");
  if (body && preview && csrf && window.fetch) {
    var timer = null;
    body.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        fetch("/admin/api/preview", {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
          body: JSON.stringify({ markdown: body.value })
        }).then(function (r) { return r.ok ? r.json() : null; })
          .then(function (data) { if (data) preview.innerHTML = data.html; });
      }, 300);
    });
  }

  // datetime-local gives local wall time; send it as an instant with the browser's offset.
  document.querySelectorAll("input[name=publish_at_local]").forEach(function (input) {
    input.form.addEventListener("submit", function () {
      if (!input.value) return;
      var hidden = document.createElement("input");
      hidden.type = "hidden";
      hidden.name = "publish_at";
      hidden.value = new Date(input.value).toISOString();
      input.form.appendChild(hidden);
    });
  });
})();
