// Dateline newsroom: the article editor's writing tools. A Markdown toolbar with keyboard
// shortcuts, a preview that follows the text as it scrolls, and a distraction-free mode.
// Loaded by editor.html only. The plain form works without it, and it needs nothing from
// admin.js: the two meet only through the body's "input" events and the .uploads box.
(function () {
  "use strict";
  var body = document.querySelector("textarea[data-preview-source]");
  var bar = document.querySelector("[data-toolbar]");
  if (!body || !bar) return;
  var form = body.form;
  var msg = function (name) { return bar.getAttribute("data-msg-" + name) || ""; };
  var mac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent || "");

  // ---- Editing the text ---------------------------------------------------------------

  // Replaces value[start, end) with `text`, then selects [from, to) of the new value.
  // execCommand keeps the browser's undo history; assigning the value would wipe it.
  function edit(start, end, text, from, to) {
    body.focus();
    body.setSelectionRange(start, end);
    var done = false;
    if (text !== "" || start !== end) {
      try { done = document.execCommand("insertText", false, text); } catch (e) { done = false; }
      if (!done) {
        body.setRangeText(text, start, end, "end");
        // The live preview, counts and draft copy listen for input.
        body.dispatchEvent(new Event("input", { bubbles: true }));
      }
    }
    body.setSelectionRange(from, to);
  }

  function runOf(text, at, step, ch) {
    var n = 0;
    for (var i = at; i >= 0 && i < text.length && text[i] === ch; i += step) n++;
    return n;
  }

  // Bold and italic: wrap the selection in `mark`, or take the marks off if it has them.
  function wrap(mark) {
    var v = body.value, s = body.selectionStart, e = body.selectionEnd;
    // Emphasis may not begin or end with a space: a double-click often takes one in.
    while (s < e && /\s/.test(v[s])) s++;
    while (e > s && /\s/.test(v[e - 1])) e--;
    var inner = v.slice(s, e);
    var m = mark.length;
    if (inner.indexOf("\n") >= 0) {
      // Emphasis stops at a line break: mark each line on its own.
      var lines = inner.split("\n").map(function (line) {
        return line.replace(/^(\s*)(\S(?:.*\S)?)(\s*)$/, function (all, lead, words, trail) {
          return lead + mark + words + mark + trail;
        });
      }).join("\n");
      edit(s, e, lines, s, s + lines.length);
      return;
    }
    var before = runOf(v, s - 1, -1, mark[0]), after = runOf(v, e, 1, mark[0]);
    // `***both***` is bold and italic at once; `**` alone is bold, not italic.
    var wrapped = m === 2 ? before >= 2 && after >= 2 : (before === 1 && after === 1) || (before === 3 && after === 3);
    if (wrapped) {
      edit(s - m, e + m, inner, s - m, e - m);
    } else {
      edit(s, e, mark + inner + mark, s + m, e + m);
    }
  }

  // The whole lines the selection touches.
  function selectedLines() {
    var v = body.value, s = body.selectionStart, e = body.selectionEnd;
    // A selection that ends at the very start of a line does not take that line in.
    if (e > s && v[e - 1] === "\n") e--;
    var start = v.lastIndexOf("\n", s - 1) + 1;
    var end = v.indexOf("\n", e);
    if (end < 0) end = v.length;
    return { start: start, end: end, lines: v.slice(start, end).split("\n") };
  }

  // Headings, quotes and lists: prefix every line of the selection, or take the prefix off
  // when every line has it already. `rule.other` is what the new prefix replaces (a bullet
  // list becomes a numbered one, a ### heading a ## one).
  function prefix(rule) {
    var cursor = body.selectionStart, collapsed = cursor === body.selectionEnd;
    var r = selectedLines();
    var filled = r.lines.filter(function (line) { return line.trim() !== ""; });
    var off = filled.length > 0 && filled.every(function (line) { return rule.mine.test(line); });
    var n = 0;
    var out = r.lines.map(function (line) {
      if (off) return line.replace(rule.mine, "");
      if (line.trim() === "" && r.lines.length > 1) return rule.blank ? rule.blank : line;
      n += 1;
      return rule.make(n) + line.replace(rule.other, "");
    });
    var text = out.join("\n");
    if (collapsed && r.lines.length === 1) {
      var at = Math.max(r.start, cursor + text.length - (r.end - r.start));
      edit(r.start, r.end, text, at, at);
    } else {
      edit(r.start, r.end, text, r.start, r.start + text.length);
    }
  }

  var HEADING = { mine: /^## /, other: /^#{1,6}[ \t]+/, make: function () { return "## "; } };
  var QUOTE = { mine: /^> ?/, other: /^$/, blank: ">", make: function () { return "> "; } };
  var BULLETS = { mine: /^[-*+] /, other: /^(?:\d+[.)]|[-*+]) +/, make: function () { return "- "; } };
  var NUMBERS = { mine: /^\d+[.)] /, other: /^(?:\d+[.)]|[-*+]) +/, make: function (n) { return n + ". "; } };

  // A block of its own (an embed, a table) after the cursor's line, with blank lines around:
  // a URL alone in its paragraph is what becomes an embed card. `select` is a range of
  // `text` to select afterwards; without it the cursor goes after the block.
  function block(text, select) {
    var v = body.value, e = body.selectionEnd;
    var lineStart = v.lastIndexOf("\n", e - 1) + 1;
    var at = v.indexOf("\n", e);
    if (at < 0) at = v.length;
    if (v.slice(lineStart, at).trim() === "") at = lineStart;
    var before = v.slice(0, at), after = v.slice(at);
    var lead = before === "" ? "" : "\n\n".slice(Math.min(2, runOf(before, before.length - 1, -1, "\n")));
    var trail = after === "" ? "\n\n" : "\n\n".slice(Math.min(2, runOf(after, 0, 1, "\n")));
    var start = at + lead.length;
    var inserted = lead + text + trail;
    var end = at + inserted.length;
    if (select) edit(at, at, inserted, start + select[0], start + select[1]);
    else edit(at, at, inserted, end, end);
  }

  // Markdown ends a link's address at a space or an unmatched parenthesis.
  function safeUrl(url) {
    return url.trim().replace(/ /g, "%20").replace(/\(/g, "%28").replace(/\)/g, "%29");
  }

  function link() {
    var s = body.selectionStart, e = body.selectionEnd;
    var selected = body.value.slice(s, e).trim();
    var looksLikeUrl = /^(https?:\/\/|\/)\S*$/.test(selected);
    ask("link", looksLikeUrl ? selected : "", function (answer) {
      var url = safeUrl(answer);
      if (!url) return;
      // Without a selection the address is its own text, selected so typing replaces it.
      var text = selected && !looksLikeUrl ? selected.replace(/[\[\]]/g, "\\$&") : url;
      var markdown = "[" + text + "](" + url + ")";
      if (selected && !looksLikeUrl) edit(s, e, markdown, s + markdown.length, s + markdown.length);
      else edit(s, e, markdown, s + 1, s + 1 + text.length);
    });
  }

  function embed() {
    ask("embed", "", function (answer) {
      var url = answer.trim();
      if (url) block(url);
    });
  }

  function table() {
    var column = msg("table-column") || "Column";
    var text = "| " + column + " | " + column + " |\n| --- | --- |\n|  |  |";
    block(text, [2, 2 + column.length]);
  }

  // Images are uploaded with their alt text in the .uploads box beside the form (admin.js
  // inserts them where the cursor was): the toolbar leads there, alt text first.
  var uploads = document.querySelector(".uploads");
  var altField = uploads && uploads.querySelector("[data-image-alt]");
  var fileField = uploads && uploads.querySelector('input[data-upload="image"]');
  function image() {
    if (!altField || !fileField) return;
    setFocusMode(false);
    if (altField.value.trim() === "") {
      altField.focus();
      var status = uploads.querySelector("[data-upload-status]");
      if (status) status.textContent = msg("image-alt-first");
    } else {
      fileField.focus();
    }
  }
  if (altField && fileField) {
    // The alt field belongs to no form, so Enter can lead on to the file.
    altField.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && altField.value.trim() !== "") {
        event.preventDefault();
        fileField.focus();
      }
    });
  }

  // ---- Asking for an address ------------------------------------------------------------

  var dialog = null;
  function ask(kind, initial, done) {
    var s = body.selectionStart, e = body.selectionEnd;
    if (!window.HTMLDialogElement) {
      var answer = window.prompt(msg(kind + "-url"), initial);
      if (answer) { body.focus(); body.setSelectionRange(s, e); done(answer); }
      return;
    }
    if (!dialog) dialog = buildDialog();
    var input = dialog.querySelector("input");
    dialog.querySelector("h2").textContent = msg(kind + "-title");
    dialog.querySelector("[data-dialog-label]").textContent = msg(kind + "-url");
    var hint = dialog.querySelector("[data-dialog-hint]");
    hint.textContent = msg(kind + "-hint");
    hint.hidden = hint.textContent === "";
    // An embed needs a full address; a link may point within the site (/en/articles/…).
    input.type = kind === "embed" ? "url" : "text";
    input.value = initial;
    var back = function () {
      body.focus();
      body.setSelectionRange(s, e);
    };
    // Inserted on submit (the browser has checked the field by then) rather than on the
    // dialog's close event, which comes a task later.
    dialog.querySelector("form").onsubmit = function (event) {
      event.preventDefault();
      dialog.onclose = null;
      dialog.close();
      back();
      done(input.value);
    };
    // Esc or Cancel: back to the text as it was.
    dialog.onclose = back;
    dialog.showModal();
    input.focus();
  }

  function buildDialog() {
    var d = document.createElement("dialog");
    d.className = "md-dialog";
    d.setAttribute("aria-labelledby", "md-dialog-title");
    var f = document.createElement("form");
    f.method = "dialog";
    var title = document.createElement("h2");
    title.id = "md-dialog-title";
    var label = document.createElement("label");
    var span = document.createElement("span");
    span.setAttribute("data-dialog-label", "");
    var input = document.createElement("input");
    input.name = "url";
    input.required = true;
    input.setAttribute("inputmode", "url");
    input.setAttribute("autocomplete", "url");
    input.setAttribute("aria-describedby", "md-dialog-hint");
    label.append(span, input);
    var hint = document.createElement("p");
    hint.id = "md-dialog-hint";
    hint.className = "muted";
    hint.setAttribute("data-dialog-hint", "");
    var buttons = document.createElement("div");
    buttons.className = "md-dialog-buttons";
    var ok = document.createElement("button");
    ok.type = "submit";
    ok.className = "primary";
    ok.textContent = msg("insert");
    var cancel = document.createElement("button");
    cancel.type = "button";
    cancel.textContent = msg("cancel");
    cancel.addEventListener("click", function () { d.close(); });
    buttons.append(ok, cancel);
    f.append(title, label, hint, buttons);
    d.append(f);
    document.body.append(d);
    return d;
  }

  // ---- Distraction-free mode ------------------------------------------------------------

  var focusButton = null;
  function setFocusMode(on) {
    document.documentElement.classList.toggle("writing-focus", on);
    if (focusButton) focusButton.setAttribute("aria-pressed", on ? "true" : "false");
    if (on) body.focus();
  }
  function inFocusMode() { return document.documentElement.classList.contains("writing-focus"); }

  // ---- The toolbar -------------------------------------------------------------------------

  var SVG = "http://www.w3.org/2000/svg";
  // Icons drawn on a 20×20 grid in the text colour; letters where a letter says it best.
  var ICONS = {
    link: ["M8 12l4-4", "M9 6.5l1.3-1.3a3.2 3.2 0 0 1 4.5 4.5L13.5 11", "M11 13.5l-1.3 1.3a3.2 3.2 0 0 1-4.5-4.5L6.5 9"],
    quote: ["M4 9h4v5H4z", "M4 9c0-3 1-4.5 3.5-5", "M11 9h4v5h-4z", "M11 9c0-3 1-4.5 3.5-5"],
    bulleted: ["M8 5h9", "M8 10h9", "M8 15h9", "M3.5 5h.5", "M3.5 10h.5", "M3.5 15h.5"],
    numbered: ["M9 5h8", "M9 10h8", "M9 15h8", "M3 3.5l1.5-1v4", "M2.8 8.5c.4-.8 2.6-.8 2.6.5 0 1-2.6 2-2.6 3h2.8", "M3 13.5h2.3l-1.2 1.3c1.5 0 1.5 2.7-.3 2.7-.5 0-.9-.2-1-.4"],
    image: ["M3 4h14v12H3z", "M3 14l4.5-4.5 4 4 2-2 3.5 3.5", "M12.5 7.5h.5"],
    embed: ["M2.5 4.5h15v11h-15z", "M8.5 7.5v5l4-2.5z"],
    table: ["M3 4h14v12H3z", "M3 8h14", "M3 12h14", "M10 4v12"],
    focus: ["M3 7V3h4", "M13 3h4v4", "M17 13v4h-4", "M7 17H3v-4"]
  };
  function icon(name) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 20 20");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    ICONS[name].forEach(function (d) {
      var path = document.createElementNS(SVG, "path");
      path.setAttribute("d", d);
      svg.append(path);
    });
    return svg;
  }

  // Each tool: what it does, its shortcut (besides Ctrl, or ⌘ on a Mac) and how it looks.
  // A digit or punctuation key is matched by its place on the keyboard (Shift changes what
  // it types); a letter by what it types, or by its place on a non-Latin layout.
  var tools = [
    { name: "heading", glyph: "H", keys: ["Alt", "2"], run: function () { prefix(HEADING); } },
    { name: "bold", glyph: "B", keys: ["B"], run: function () { wrap("**"); } },
    { name: "italic", glyph: "I", keys: ["I"], run: function () { wrap("*"); } },
    { name: "link", keys: ["K"], run: link, group: true },
    { name: "quote", keys: ["Shift", "."], run: function () { prefix(QUOTE); } },
    { name: "bulleted", keys: ["Shift", "8"], run: function () { prefix(BULLETS); } },
    { name: "numbered", keys: ["Shift", "7"], run: function () { prefix(NUMBERS); } },
    { name: "image", run: image, group: true, hidden: !altField || !fileField },
    { name: "embed", run: embed },
    { name: "table", run: table },
    { name: "focus", run: function () { setFocusMode(!inFocusMode()); }, group: true }
  ];

  function matches(tool, event) {
    if (!tool.keys) return false;
    var mod = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
    var alt = tool.keys.indexOf("Alt") >= 0, shift = tool.keys.indexOf("Shift") >= 0;
    if (!mod || event.altKey !== alt || event.shiftKey !== shift) return false;
    var key = tool.keys[tool.keys.length - 1];
    if (key === ".") return event.code === "Period";
    if (/^\d$/.test(key)) return event.code === "Digit" + key;
    var typed = (event.key || "").toLowerCase();
    return typed === key.toLowerCase() || (!/^[a-z]$/.test(typed) && event.code === "Key" + key);
  }
  function shortcutText(keys) {
    if (mac) {
      var symbols = { Alt: "⌥", Shift: "⇧" };
      var mods = keys.slice(0, -1).map(function (k) { return symbols[k]; }).join("");
      return mods + "⌘" + keys[keys.length - 1];
    }
    return ["Ctrl"].concat(keys).join("+");
  }
  function ariaShortcut(keys) {
    return [mac ? "Meta" : "Control"].concat(keys).join("+");
  }

  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", msg("label"));
  bar.setAttribute("aria-controls", body.id);
  tools.forEach(function (tool) {
    if (tool.hidden) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-tool" + (tool.group ? " md-group" : "");
    button.setAttribute("data-tool", tool.name);
    var name = msg(tool.name);
    button.setAttribute("aria-label", name);
    if (tool.keys) {
      button.setAttribute("aria-keyshortcuts", ariaShortcut(tool.keys));
      button.title = msg("with-keys").replace("{label}", name).replace("{keys}", shortcutText(tool.keys));
    } else {
      button.title = tool.name === "focus" ? msg("focus-title") : name;
    }
    if (tool.glyph) {
      var glyph = document.createElement("span");
      glyph.className = "md-glyph md-glyph-" + tool.name;
      glyph.setAttribute("aria-hidden", "true");
      glyph.textContent = tool.glyph;
      button.append(glyph);
    } else {
      button.append(icon(tool.name));
    }
    if (tool.name === "focus") {
      focusButton = button;
      button.setAttribute("aria-pressed", "false");
    }
    // Keeps the cursor (and the selection) in the text while the mouse presses a tool.
    button.addEventListener("mousedown", function (event) { event.preventDefault(); });
    button.addEventListener("click", tool.run);
    button.tabIndex = -1;
    bar.append(button);
  });

  // One Tab stop for the whole toolbar; the arrow keys move between its tools.
  var buttons = Array.prototype.slice.call(bar.querySelectorAll("button"));
  if (buttons.length) buttons[0].tabIndex = 0;
  bar.addEventListener("focusin", function (event) {
    if (buttons.indexOf(event.target) < 0) return;
    buttons.forEach(function (b) { b.tabIndex = b === event.target ? 0 : -1; });
  });
  bar.addEventListener("keydown", function (event) {
    var i = buttons.indexOf(document.activeElement);
    if (i < 0) return;
    var moves = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: buttons.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    buttons[(moves[event.key] + buttons.length) % buttons.length].focus();
  });
  bar.hidden = false;

  body.addEventListener("keydown", function (event) {
    // Keys typed into an input method (Chinese, for one) belong to it.
    if (event.isComposing) return;
    for (var i = 0; i < tools.length; i++) {
      if (!tools[i].hidden && matches(tools[i], event)) {
        event.preventDefault();
        tools[i].run();
        return;
      }
    }
  });

  // Ctrl+S (⌘S) saves from anywhere on the page, through the form's own checks.
  var save = form && form.querySelector("button[type=submit]");
  document.addEventListener("keydown", function (event) {
    if (event.isComposing || (dialog && dialog.contains(event.target))) return;
    if (event.key === "Escape" && inFocusMode()) {
      setFocusMode(false);
      return;
    }
    var mod = mac ? event.metaKey : event.ctrlKey;
    var s = (event.key || "").toLowerCase() === "s" || event.code === "KeyS";
    if (!mod || !s || event.altKey || event.shiftKey) return;
    event.preventDefault();
    if (!save) return;
    // A required field hidden by the writing mode could not show why the form is refused.
    if (inFocusMode() && !form.checkValidity()) setFocusMode(false);
    if (form.requestSubmit) form.requestSubmit(save); else save.click();
  });

  // ---- The preview follows the text ----------------------------------------------------

  var preview = document.querySelector("[data-preview-target]");
  if (preview) {
    var follow = function () {
      var room = body.scrollHeight - body.clientHeight;
      var share = room > 0 ? body.scrollTop / room : 0;
      preview.scrollTop = share * (preview.scrollHeight - preview.clientHeight);
    };
    body.addEventListener("scroll", follow, { passive: true });
    // A new preview replaces the old one's content: keep the place.
    if (window.MutationObserver) new MutationObserver(follow).observe(preview, { childList: true });
  }
})();
