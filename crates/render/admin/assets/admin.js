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
          body: JSON.stringify({ markdown: body.value, cards: preview.hasAttribute("data-preview-cards") })
        }).then(function (r) { return r.ok ? r.json() : null; })
          .then(function (data) { if (data) preview.innerHTML = data.html; });
      }, 300);
    });
  }

  // An embed card in the preview opens the provider's page in a new tab: never this one,
  // which holds the text being written.
  if (preview) {
    preview.addEventListener("click", function (event) {
      var card = event.target.closest && event.target.closest("a.embed-open");
      if (!card) return;
      event.preventDefault();
      window.open(card.href, "_blank", "noopener");
    });
  }

  // "Publish at" is a wall time in the newsroom's zone (its label says which): the server
  // reads it so, wherever the browser is.

  // Never lose work: a warning before leaving with unsaved changes, and a copy of the text in
  // this browser (kept until the form is sent) offered back after a crash or a closed tab.
  var form = document.getElementById("article-form");
  if (form) {
    var fields = ["headline", "standfirst", "body_markdown"].map(function (name) { return form.elements[name]; })
      .filter(function (field) { return field; });
    var key = "dateline-draft:" + form.getAttribute("action");
    var dirty = false;
    var store = null;
    try { store = window.localStorage; } catch (e) { store = null; }
    var snapshot = function () {
      var copy = { at: Date.now() };
      fields.forEach(function (field) { copy[field.name] = field.value; });
      return copy;
    };
    var saveTimer = null;
    form.addEventListener("input", function () {
      dirty = true;
      if (!store) return;
      clearTimeout(saveTimer);
      saveTimer = setTimeout(function () {
        try { store.setItem(key, JSON.stringify(snapshot())); } catch (e) { /* storage full or off */ }
      }, 1000);
    });
    form.addEventListener("submit", function () {
      dirty = false;
      clearTimeout(saveTimer);
      if (store) store.removeItem(key);
    });
    window.addEventListener("beforeunload", function (event) {
      if (!dirty) return;
      event.preventDefault();
      event.returnValue = "";
    });
    var saved = null;
    try { saved = store && JSON.parse(store.getItem(key) || "null"); } catch (e) { saved = null; }
    var differs = saved && fields.some(function (field) {
      return typeof saved[field.name] === "string" && saved[field.name] !== field.value;
    });
    var offer = document.querySelector("[data-recover]");
    if (differs && offer) {
      var when = new Date(saved.at);
      offer.querySelector("[data-recover-text]").textContent =
        offer.getAttribute("data-msg-found").replace("{time}", function () { return when.toLocaleString(); });
      offer.hidden = false;
      offer.querySelector("[data-recover-restore]").addEventListener("click", function () {
        fields.forEach(function (field) {
          if (typeof saved[field.name] === "string") field.value = saved[field.name];
        });
        offer.hidden = true;
        dirty = true;
        if (body) body.dispatchEvent(new Event("input", { bubbles: true }));
      });
      offer.querySelector("[data-recover-discard]").addEventListener("click", function () {
        store.removeItem(key);
        offer.hidden = true;
      });
    }
  }

  // Autosave: every few seconds of typing, the text goes to the server as well (no revision;
  // the next real save removes it), so another machine can bring it back.
  var autosaveStatus = document.querySelector("[data-autosave-status]");
  if (form && autosaveStatus && csrf && window.fetch) {
    var autosaveUrl = autosaveStatus.getAttribute("data-autosave-url");
    var changedSince = false;
    var sending = false;
    var field = function (name) { return form.elements[name]; };
    form.addEventListener("input", function () { changedSince = true; });
    setInterval(function () {
      if (!changedSince || sending) return;
      changedSince = false;
      sending = true;
      fetch(autosaveUrl, {
        method: "PUT", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
        body: JSON.stringify({
          base_revision: Number(field("base_revision").value),
          headline: field("headline").value,
          standfirst: field("standfirst") ? field("standfirst").value : null,
          body_markdown: field("body_markdown").value
        })
      }).then(function (r) { return r.json().then(function (data) { return { ok: r.ok, data: data }; }); })
        .then(function (result) {
          if (result.ok) {
            var at = new Date(result.data.saved_at);
            autosaveStatus.textContent = autosaveStatus.getAttribute("data-msg-saved")
              .replace("{time}", function () { return at.toLocaleTimeString(); });
          } else {
            autosaveStatus.textContent = result.data.error ? result.data.error.message : autosaveStatus.getAttribute("data-msg-failed");
          }
        })
        .catch(function () {
          changedSince = true;
          autosaveStatus.textContent = autosaveStatus.getAttribute("data-msg-failed");
        })
        .then(function () { sending = false; });
    }, 5000);
  }

  // The server's autosave, offered back: restoring takes its revision as the base, so a save
  // after someone else's still meets the conflict check.
  var kept = document.querySelector("[data-autosave-offer]");
  if (form && kept) {
    var restoreKept = kept.querySelector("[data-autosave-restore]");
    var discardKept = kept.querySelector("[data-autosave-discard]");
    restoreKept.hidden = false;
    discardKept.hidden = false;
    restoreKept.addEventListener("click", function () {
      kept.querySelectorAll("[data-autosave-field]").forEach(function (source) {
        var target = form.elements[source.getAttribute("data-autosave-field")];
        if (target) target.value = source.value;
      });
      form.elements.base_revision.value = kept.getAttribute("data-base-revision");
      kept.hidden = true;
      if (body) body.dispatchEvent(new Event("input", { bubbles: true }));
    });
    discardKept.addEventListener("click", function () {
      kept.hidden = true;
      var status = document.querySelector("[data-autosave-status]");
      if (status && csrf && window.fetch) {
        fetch(status.getAttribute("data-autosave-url"), {
          method: "DELETE", credentials: "same-origin", headers: { "X-CSRF-Token": csrf }
        });
      }
    });
  }

  // Words and characters of the body (Chinese and Japanese are counted in characters).
  var count = document.querySelector("[data-count]");
  if (body && count) {
    var recount = function () {
      var text = body.value;
      var chars = Array.from(text.replace(/\s+/g, "")).length;
      var spaced = text.replace(/[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g, " ");
      var words = (spaced.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) || []).length;
      count.textContent = count.getAttribute("data-msg-count")
        .replace("{words}", String(words)).replace("{chars}", String(chars));
    };
    body.addEventListener("input", recount);
    recount();
  }

  // Uploads: the file goes to /admin/api/uploads as the request body; images can be inserted
  // into the Markdown body, posters and videos are attached to the story.
  // The page gives the messages in its language: the template fills data-msg-* attributes.
  var uploadFailed = main ? main.getAttribute("data-msg-upload-failed") : "";
  var box = document.querySelector(".uploads");
  var status = document.querySelector("[data-upload-status]");
  if (box && csrf && window.fetch) {
    var msg = function (name) { return box.getAttribute("data-msg-" + name) || ""; };
    status.textContent = msg("choose");
    var altField = box.querySelector("[data-image-alt]");
    // Where the writer's cursor last was in the body: an image goes there, not at the end.
    var cursor = null;
    if (body) {
      ["keyup", "click", "select", "input"].forEach(function (type) {
        body.addEventListener(type, function () { cursor = body.selectionStart; });
      });
    }
    box.querySelectorAll("input[data-upload]").forEach(function (input) {
      input.addEventListener("change", function () {
        var file = input.files[0];
        if (!file) return;
        // Readers who cannot see the image hear its description: no description, no image.
        if (input.getAttribute("data-upload") === "image" && altField && !altField.value.trim()) {
          status.textContent = msg("alt-needed");
          input.value = "";
          altField.focus();
          return;
        }
        var uploading = function (percent) {
          var text = msg("uploading").replace("{name}", function () { return file.name; });
          status.textContent = percent === undefined ? text : text + " " + percent + "%";
        };
        uploading();
        // A video can be large: it goes in parts that survive a dropped connection.
        var sent = input.getAttribute("data-upload") === "video"
          ? resumableUpload(file, uploading)
          : fetch("/admin/api/uploads?name=" + encodeURIComponent(file.name), {
            method: "POST", credentials: "same-origin",
            headers: { "X-CSRF-Token": csrf, "Content-Type": file.type || "application/octet-stream" },
            body: file
          }).then(function (r) { return r.json().then(function (data) { return { ok: r.ok, data: data }; }); });
        sent.then(function (result) {
            if (!result.ok) { status.textContent = result.data.error ? result.data.error.message : uploadFailed; return; }
            var asset = result.data;
            var kind = input.getAttribute("data-upload");
            if (kind === "image" && body) {
              var alt = altField.value.trim().replace(/[\[\]\\]/g, "");
              var at = cursor === null ? body.value.length : cursor;
              var image = "\n\n![" + alt + "](" + asset.url + ")\n\n";
              body.value = body.value.slice(0, at) + image + body.value.slice(at);
              cursor = at + image.length;
              altField.value = "";
              input.value = "";
              body.dispatchEvent(new Event("input", { bubbles: true }));
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
            }).then(function (r) {
              status.textContent = r.ok ? msg("attached") : msg("not-attached");
              // The next upload on this page keeps what this one attached.
              if (r.ok) {
                box.setAttribute("data-video", story.video_asset_id || "");
                box.setAttribute("data-poster", story.poster_asset_id || "");
              }
            });
          })
          .catch(function () { status.textContent = uploadFailed; });
      });
    });
  }

  // A resumable upload (the tus protocol, /admin/api/uploads/resumable): the file goes in 8 MB
  // parts; after a failure the server says how far it got and the upload goes on from there,
  // also after the tab was closed (the upload's address is kept for the same file). Resolves
  // to { ok, data } as a one-request upload does.
  function resumableUpload(file, onProgress) {
    var PART = 8 * 1024 * 1024;
    var saved = "dateline-upload:" + file.name + ":" + file.size + ":" + file.lastModified;
    var tus = { "Tus-Resumable": "1.0.0", "X-CSRF-Token": csrf };
    var withTus = function (extra) {
      var headers = {};
      Object.keys(tus).forEach(function (k) { headers[k] = tus[k]; });
      Object.keys(extra || {}).forEach(function (k) { headers[k] = extra[k]; });
      return headers;
    };
    var failed = function (r) {
      return r.json().catch(function () { return {}; }).then(function (data) { return { ok: false, data: data }; });
    };
    var pause = function (ms) { return new Promise(function (done) { setTimeout(done, ms); }); };
    var start = function () {
      var name = btoa(unescape(encodeURIComponent(file.name)));
      return fetch("/admin/api/uploads/resumable", {
        method: "POST", credentials: "same-origin",
        headers: withTus({ "Upload-Length": String(file.size), "Upload-Metadata": "filename " + name })
      }).then(function (r) {
        if (!r.ok) return failed(r);
        var address = r.headers.get("Location");
        try { localStorage.setItem(saved, address); } catch (e) { /* private mode: no resuming */ }
        return send(address, 0, 0);
      });
    };
    var where = function (address) {
      return fetch(address, { method: "HEAD", credentials: "same-origin", headers: withTus() })
        .then(function (r) { return r.ok ? Number(r.headers.get("Upload-Offset")) : null; });
    };
    var send = function (address, offset, attempt) {
      onProgress(Math.floor(offset * 100 / file.size));
      var end = Math.min(offset + PART, file.size);
      return fetch(address, {
        method: "PATCH", credentials: "same-origin",
        headers: withTus({ "Upload-Offset": String(offset), "Content-Type": "application/offset+octet-stream" }),
        body: file.slice(offset, end)
      }).then(function (r) {
        if (r.status === 204) return send(address, Number(r.headers.get("Upload-Offset")), 0);
        if (r.status === 409) return where(address).then(function (at) { return at === null ? start() : send(address, at, attempt); });
        try { localStorage.removeItem(saved); } catch (e) { /* nothing kept */ }
        return r.ok ? r.json().then(function (data) { return { ok: true, data: data }; }) : failed(r);
      }, function () {
        // The connection dropped: wait (longer each time), ask how far it got, go on.
        if (attempt >= 6) throw new Error("the connection keeps failing");
        return pause(1000 * Math.pow(2, attempt)).then(function () { return where(address); })
          .then(function (at) { return at === null ? start() : send(address, at, attempt + 1); });
      });
    };
    var kept = null;
    try { kept = localStorage.getItem(saved); } catch (e) { kept = null; }
    if (!kept) return start();
    return where(kept).then(function (at) { return at === null ? start() : send(kept, at, 0); }, start);
  }

  // The focal point: a click on the poster puts the clicked place, in percent, in the fields.
  var picker = document.querySelector("[data-focus-picker]");
  var focusForm = document.querySelector("[data-focus-form]");
  if (picker && focusForm) {
    picker.addEventListener("click", function (event) {
      var box = picker.getBoundingClientRect();
      var percent = function (at, size) { return String(Math.max(0, Math.min(100, Math.round(at / size * 100)))); };
      focusForm.elements.focus_x.value = percent(event.clientX - box.left, box.width);
      focusForm.elements.focus_y.value = percent(event.clientY - box.top, box.height);
      focusForm.elements.focus_x.focus();
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
