// Dateline newsroom: progressive enhancements. Every screen works without this file.
(function () {
  "use strict";
  var main = document.getElementById("main");
  var csrf = main && main.getAttribute("data-csrf");

  // Suggest a slug from the headline until the writer types one.
  var source = document.querySelector("[data-slug-source]");
  var target = document.querySelector("[data-slug-target]");
  // The server makes the slug (pinyin for Chinese, romanised Cyrillic, a -2 when the
  // edition has it already), so it is asked, and the field shows its answer.
  var edition = document.querySelector("select[name=edition]");
  if (source && target && csrf && window.fetch) {
    var slugTimer = null;
    source.addEventListener("input", function () {
      if (target.value !== "") return;
      clearTimeout(slugTimer);
      slugTimer = setTimeout(function () {
        fetch("/admin/api/slug", {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
          body: JSON.stringify({ edition: edition ? edition.value : "", headline: source.value })
        }).then(function (r) { return r.ok ? r.json() : null; })
          .then(function (data) { if (data && target.value === "") target.placeholder = data.slug; });
      }, 250);
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

  // Uploads: the file goes to /admin/api/uploads as the request body; images can be inserted
  // into the Markdown body, posters and videos are attached to the story.
  // The page gives the messages in its language: the template fills data-msg-* attributes.
  var uploadFailed = main ? main.getAttribute("data-msg-upload-failed") : "";
  var box = document.querySelector(".uploads");
  var status = document.querySelector("[data-upload-status]");
  if (box && csrf && window.fetch) {
    var msg = function (name) { return box.getAttribute("data-msg-" + name) || ""; };
    status.textContent = msg("choose");
    box.querySelectorAll("input[data-upload]").forEach(function (input) {
      input.addEventListener("change", function () {
        var file = input.files[0];
        if (!file) return;
        status.textContent = msg("uploading").replace("{name}", function () { return file.name; });
        fetch("/admin/api/uploads?name=" + encodeURIComponent(file.name), {
          method: "POST", credentials: "same-origin",
          headers: { "X-CSRF-Token": csrf, "Content-Type": file.type || "application/octet-stream" },
          body: file
        }).then(function (r) { return r.json().then(function (data) { return { ok: r.ok, data: data }; }); })
          .then(function (result) {
            if (!result.ok) { status.textContent = result.data.error ? result.data.error.message : uploadFailed; return; }
            var asset = result.data;
            var kind = input.getAttribute("data-upload");
            if (kind === "image" && body) {
              body.value += "\n\n![" + file.name.replace(/\.[^.]+$/, "") + "](" + asset.url + ")\n";
              body.dispatchEvent(new Event("input"));
              status.textContent = msg("inserted");
              return;
            }
            var story = {
              section_id: Number(box.getAttribute("data-section")),
              kind: kind === "video" || box.getAttribute("data-video") ? "video" : "text",
              video_asset_id: kind === "video" ? asset.id : (Number(box.getAttribute("data-video")) || null),
              poster_asset_id: kind === "poster" ? asset.id : (Number(box.getAttribute("data-poster")) || null)
            };
            // Captions belong to this edition's article of the story.
            if (kind === "captions") {
              story.captions = { article_id: Number(box.getAttribute("data-article")), asset_id: asset.id };
            }
            return fetch("/admin/api/stories/" + box.getAttribute("data-story"), {
              method: "PUT", credentials: "same-origin",
              headers: { "X-CSRF-Token": csrf, "Content-Type": "application/json" },
              body: JSON.stringify(story)
            }).then(function (r) { status.textContent = r.ok ? msg("attached") : msg("not-attached"); });
          })
          .catch(function () { status.textContent = uploadFailed; });
      });
    });
  }

  // An image for a form's field (a contributor's photo, the site's logo): upload, then put
  // the asset id in the field the input names.
  document.querySelectorAll("input[data-upload-into]").forEach(function (input) {
    if (!csrf || !window.fetch) return;
    input.addEventListener("change", function () {
      var file = input.files[0];
      var field = input.form.querySelector('[name="' + input.getAttribute("data-upload-into") + '"]');
      if (!file || !field) return;
      fetch("/admin/api/uploads?name=" + encodeURIComponent(file.name), {
        method: "POST", credentials: "same-origin",
        headers: { "X-CSRF-Token": csrf, "Content-Type": file.type || "application/octet-stream" },
        body: file
      }).then(function (r) { return r.json(); }).then(function (asset) {
        if (asset.id) field.value = asset.id; else alert(asset.error ? asset.error.message : uploadFailed);
      });
    });
  });
})();
