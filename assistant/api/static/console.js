/* Agent console: plain browser JavaScript, no build step, no external dependencies.
 *
 * Calls the JSON API next to this page (POST v1/suggestions, POST v1/feedback) and renders
 * every value with textContent (never innerHTML), so customer text cannot inject markup.
 */
(function () {
  "use strict";

  var API_KEY_STORAGE = "assistant.console.apiKey";
  var MAX_MESSAGE = 8000;
  var EXAMPLE_ORDER = {
    order_number: "8123456789012345",
    status: "in_transit",
    marketplace: "aliexpress",
    carrier: "Cainiao",
    tracking_number: "LP00123456789012",
    ordered_at: "2026-09-28",
    shipped_at: "2026-10-01",
    items: [{ sku: "HB-200", name: "Wireless headphones", quantity: 1, price: 59.9 }],
    total: 59.9,
    currency: "EUR"
  };

  var $ = function (id) { return document.getElementById(id); };

  var els = {};
  var samples = [];
  var current = null;          // { request, suggestion }
  var inFlight = null;         // AbortController of the running suggestion request
  var languageNames = null;
  try { languageNames = new Intl.DisplayNames(["en"], { type: "language" }); } catch (e) { /* old browser */ }

  // ------------------------------------------------------------------ helpers
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        if (key === "className") node.className = attrs[key];
        else node.setAttribute(key, attrs[key]);
      });
    }
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function pct(value) {
    return typeof value === "number" && isFinite(value) ? Math.round(value * 100) + "%" : "";
  }

  function storageGet(key) {
    try { return window.localStorage.getItem(key) || ""; } catch (e) { return ""; }
  }

  function storageSet(key, value) {
    try {
      if (value) window.localStorage.setItem(key, value);
      else window.localStorage.removeItem(key);
    } catch (e) { /* storage disabled: the key just is not remembered */ }
  }

  function headers() {
    var h = { "Content-Type": "application/json", "Accept": "application/json" };
    var key = els.apiKey.value.trim();
    if (key) h["X-API-Key"] = key;
    return h;
  }

  /** Turn a failed response into {code, message}; understands the API's error envelope. */
  function readError(response) {
    return response.text().then(function (raw) {
      var body = null;
      try { body = raw ? JSON.parse(raw) : null; } catch (e) { body = null; }
      if (body && body.error && (body.error.message || body.error.code)) {
        var details = Array.isArray(body.error.details) ? body.error.details.map(function (d) {
          return d && typeof d === "object" ? (d.field ? d.field + ": " : "") + (d.problem || JSON.stringify(d)) : String(d);
        }) : [];
        return { code: body.error.code || String(response.status), message: body.error.message || "", details: details };
      }
      if (body && body.detail) {
        var detail = Array.isArray(body.detail)
          ? body.detail.map(function (d) {
              var loc = Array.isArray(d.loc) ? d.loc.filter(function (p) { return p !== "body"; }).join(".") : "";
              return (loc ? loc + ": " : "") + (d.msg || JSON.stringify(d));
            }).join("; ")
          : String(body.detail);
        return { code: "http_" + response.status, message: detail };
      }
      var text = (raw || "").replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim().slice(0, 300);
      return { code: "http_" + response.status, message: text || response.statusText || "Request failed." };
    });
  }

  function postJSON(path, body, signal) {
    return fetch(path, {
      method: "POST",
      headers: headers(),
      body: JSON.stringify(body),
      signal: signal
    }).then(function (response) {
      if (response.ok) return response.json();
      return readError(response).then(function (err) {
        var e = new Error(err.message);
        e.code = err.code;
        e.status = response.status;
        e.details = err.details || [];
        throw e;
      });
    }, function (networkError) {
      if (networkError && networkError.name === "AbortError") throw networkError;
      var e = new Error("Could not reach the API (" + (networkError && networkError.message || "network error") + ").");
      e.code = "network_error";
      throw e;
    });
  }

  // ------------------------------------------------------------------ errors
  function showError(err) {
    var box = els.error;
    clear(box);
    var title = el("strong", null, err.status ? "The API returned an error (" + err.status + ")" : "Something went wrong");
    box.appendChild(title);
    var line = el("span");
    if (err.code) {
      line.appendChild(el("code", null, err.code));
      line.appendChild(document.createTextNode(" "));
    }
    line.appendChild(document.createTextNode(err.message || "Unknown error."));
    box.appendChild(line);
    if (err.details && err.details.length > 1) {
      var list = el("ul", { className: "error-details" });
      err.details.forEach(function (d) { list.appendChild(el("li", null, d)); });
      box.appendChild(list);
    }
    if (err.status === 401 || err.status === 403) {
      box.appendChild(el("span", { className: "small", style: "display:block;margin-top:4px" },
        "Check the API key field at the top right."));
    }
    box.hidden = false;
  }

  function hideError() { els.error.hidden = true; clear(els.error); }

  // ------------------------------------------------------------------ form
  function validateOrder() {
    var raw = els.orderJson.value.trim();
    var field = els.orderJson;
    var msg = "";
    var value;
    if (raw) {
      try {
        value = JSON.parse(raw);
        if (value === null || typeof value !== "object" || Array.isArray(value)) {
          msg = "Order JSON must be an object like {\"order_number\": \"…\"}, not " +
            (Array.isArray(value) ? "an array" : value === null ? "null" : "a " + typeof value) + ".";
        }
      } catch (e) {
        msg = "Order JSON does not parse: " + e.message;
      }
    }
    if (msg) {
      field.setAttribute("aria-invalid", "true");
      els.orderError.textContent = msg;
      els.orderError.hidden = false;
      return { ok: false };
    }
    field.removeAttribute("aria-invalid");
    els.orderError.hidden = true;
    els.orderError.textContent = "";
    return { ok: true, value: raw ? value : undefined };
  }

  function validateMessage() {
    var text = els.message.value;
    var msg = "";
    if (!text.trim()) msg = "Enter the customer's message.";
    else if (text.length > MAX_MESSAGE) msg = "The message is longer than " + MAX_MESSAGE + " characters.";
    if (msg) {
      els.message.setAttribute("aria-invalid", "true");
      els.messageError.textContent = msg;
      els.messageError.hidden = false;
      return false;
    }
    els.message.removeAttribute("aria-invalid");
    els.messageError.hidden = true;
    return true;
  }

  function updateCount() {
    els.messageCount.textContent = els.message.value.length + " / " + MAX_MESSAGE;
  }

  function setBusy(busy) {
    els.submit.disabled = busy;
    els.submit.classList.toggle("is-busy", busy);
    els.submit.querySelector(".btn-label").textContent = busy ? "Drafting" : "Suggest replies";
    els.results.setAttribute("aria-busy", busy ? "true" : "false");
    els.loading.hidden = !busy;
    if (busy) {
      els.empty.hidden = true;
      els.liveStatus.textContent = "Drafting replies…";
    }
  }

  function submit() {
    hideError();
    var messageOk = validateMessage();
    var order = validateOrder();
    if (!messageOk) { els.message.focus(); return; }
    if (!order.ok) { els.orderJson.focus(); return; }

    var request = {
      message: els.message.value,
      channel: els.channel.value,
      drafts: parseInt(els.drafts.value, 10) || 3
    };
    if (els.market.value) request.market = els.market.value;
    if (order.value !== undefined) request.order = order.value;

    if (inFlight) inFlight.abort();
    var controller = typeof AbortController === "function" ? new AbortController() : null;
    inFlight = controller;
    setBusy(true);
    els.output.hidden = true;

    postJSON("v1/suggestions", request, controller ? controller.signal : undefined).then(function (suggestion) {
      if (inFlight !== controller) return;
      current = { request: request, suggestion: suggestion };
      render(suggestion);
    }).catch(function (err) {
      if (err && err.name === "AbortError") return;
      if (inFlight !== controller) return;
      showError(err);
      els.empty.hidden = !!current;
      if (current) els.output.hidden = false;
    }).then(function () {
      if (inFlight === controller) { inFlight = null; setBusy(false); }
    });
  }

  // ------------------------------------------------------------------ rendering
  function render(s) {
    var langName = "";
    if (languageNames && s.language) {
      try { langName = languageNames.of(s.language); } catch (e) { langName = ""; }
    }
    els.language.textContent = s.language || "—";
    els.languageConf.textContent = [langName !== s.language ? langName : "", pct(s.language_confidence)]
      .filter(Boolean).join(" · ");
    els.intent.textContent = s.intent || "—";
    els.intentConf.textContent = pct(s.intent_confidence);

    var level = (s.escalation && s.escalation.level) || "none";
    els.escalation.textContent = level;
    els.escalation.className = "badge badge-" + level;
    els.escalation.setAttribute("data-level", level);
    var reasons = (s.escalation && s.escalation.reasons) || [];
    clear(els.reasons);
    reasons.forEach(function (r) { els.reasons.appendChild(el("li", null, String(r).replace(/_/g, " "))); });
    els.reasons.className = "reasons level-" + level;
    els.reasons.hidden = reasons.length === 0;

    els.marketOut.textContent = s.market || "—";
    els.situation.textContent = s.situation ? String(s.situation).replace(/_/g, " ") : "—";
    els.pii.textContent = s.pii_redacted ? "PII redacted" : "No PII found";
    els.pii.className = "badge " + (s.pii_redacted ? "badge-yes" : "badge-no");
    els.pii.setAttribute("data-redacted", s.pii_redacted ? "true" : "false");

    var gen = s.generator || "offline";
    var total = 0;
    if (s.timings) Object.keys(s.timings).forEach(function (k) { if (typeof s.timings[k] === "number") total += s.timings[k]; });
    els.generator.textContent = "Generator: " + gen + (total ? " · " + Math.round(total) + " ms" : "");
    els.generator.className = "tag" + (gen === "llm" ? " tag-gen-llm" : "");
    if (s.fallback_reason) {
      els.fallback.textContent = "The LLM was not used for these drafts (offline fallback): " + s.fallback_reason;
      els.fallback.hidden = false;
    } else {
      els.fallback.hidden = true;
      els.fallback.textContent = "";
    }

    clear(els.guidance);
    var guidance = s.guidance || [];
    if (guidance.length === 0) {
      els.guidance.appendChild(el("li", { className: "muted" }, "No specific guidance for this message."));
    }
    guidance.forEach(function (g) { els.guidance.appendChild(el("li", null, g)); });

    els.suggestionId.textContent = s.suggestion_id ? "id " + s.suggestion_id : "";
    clear(els.draftsList);
    var drafts = s.drafts || [];
    if (drafts.length === 0) {
      els.draftsList.appendChild(el("p", { className: "panel muted" }, "No drafts were produced for this message."));
    }
    drafts.forEach(function (d, i) { els.draftsList.appendChild(renderDraft(s, d, i, drafts.length)); });

    clear(els.sources);
    var sources = s.sources || [];
    if (sources.length === 0) {
      els.sources.appendChild(el("li", { className: "muted" }, "No knowledge-base sources matched."));
    }
    sources.forEach(function (src) { els.sources.appendChild(renderSource(src)); });

    els.empty.hidden = true;
    els.output.hidden = false;
    els.liveStatus.textContent = drafts.length + (drafts.length === 1 ? " draft" : " drafts") + " ready; language " +
      (s.language || "unknown") + ", intent " + (s.intent || "unknown") + ", escalation " + level + ".";
  }

  function renderSource(src) {
    var li = el("li", { className: "source", "data-testid": "source" });
    var head = el("div", { className: "source-head" });
    head.appendChild(el("span", { className: "source-title" }, src.title || src.doc_id));
    head.appendChild(el("span", { className: "source-id" }, src.doc_id));
    head.appendChild(el("span", { className: "tag" }, src.doc_type || "doc"));
    var score = el("span", { className: "source-score", title: "retrieval score" });
    var bar = el("span", { className: "score-bar", "aria-hidden": "true" });
    var fill = el("span");
    var value = typeof src.score === "number" ? src.score : 0;
    fill.style.width = Math.max(0, Math.min(1, value)) * 100 + "%";
    bar.appendChild(fill);
    score.appendChild(bar);
    score.appendChild(document.createTextNode("score " + value.toFixed(3)));
    head.appendChild(score);
    li.appendChild(head);
    if (src.snippet) li.appendChild(el("p", { className: "source-snippet", dir: "auto" }, src.snippet));
    return li;
  }

  function renderDraft(s, d, index, count) {
    var node = els.draftTemplate.content.firstElementChild.cloneNode(true);
    var uid = "d" + index;
    node.setAttribute("data-index", String(index));
    node.setAttribute("aria-label", "Draft " + (index + 1) + " of " + count);
    node.querySelector(".draft-title").textContent = "Draft " + (index + 1);
    node.querySelector(".tag-strategy").textContent = String(d.strategy || "answer").replace(/_/g, " ");
    node.querySelector(".tag-tone").textContent = "tone: " + (d.tone || "—");
    var genTag = node.querySelector(".tag-gen");
    genTag.textContent = d.generator || s.generator || "offline";
    if ((d.generator || s.generator) === "llm") genTag.classList.add("tag-gen-llm");

    var textBox = node.querySelector(".draft-text");
    textBox.textContent = d.text || "";
    if (d.language) textBox.setAttribute("lang", d.language);

    var editor = node.querySelector(".draft-editor");
    var editArea = node.querySelector(".draft-edit");
    editArea.id = "draft-edit-" + uid;
    editor.querySelector("label").setAttribute("for", editArea.id);
    editor.querySelector("label").textContent = "Edited text of draft " + (index + 1);
    if (d.language) editArea.setAttribute("lang", d.language);

    var rejectBox = node.querySelector(".reject-box");
    var rejectInput = node.querySelector(".reject-reason");
    rejectInput.id = "reject-reason-" + uid;
    rejectBox.querySelector("label").setAttribute("for", rejectInput.id);

    var cites = node.querySelector(".citation-list");
    var citations = d.citations || [];
    if (citations.length === 0) cites.appendChild(el("span", { className: "muted small" }, "none"));
    citations.forEach(function (c) { cites.appendChild(el("span", { className: "citation", "data-testid": "citation" }, c)); });

    var check = (s.verification || []).filter(function (v) { return v && v.strategy === d.strategy; })[0];
    if (check && check.passed === false) {
      var issues = (check.issues || []).map(function (x) { return typeof x === "string" ? x : JSON.stringify(x); });
      var warn = el("p", { className: "notice", "data-testid": "verification-warning" },
        "Automatic check flagged this draft" + (issues.length ? ": " + issues.join("; ") : "."));
      node.querySelector(".draft-body").appendChild(warn);
    }

    var status = node.querySelector(".feedback-status");
    var mainActions = node.querySelector('[data-role="main-actions"]');
    var editActions = node.querySelector('[data-role="edit-actions"]');
    var copyBtn = node.querySelector('[data-action="copy"]');
    var shownText = d.text || "";

    function setStatus(text, kind) {
      status.textContent = text;
      status.className = "feedback-status" + (kind ? " " + kind : "");
    }

    function setButtonsDisabled(disabled) {
      Array.prototype.forEach.call(node.querySelectorAll("button[data-action]"), function (b) {
        if (b.getAttribute("data-action") !== "copy") b.disabled = disabled;
      });
    }

    function openEditor() {
      closeReject();
      editArea.value = shownText;
      textBox.hidden = true;
      editor.hidden = false;
      mainActions.hidden = true;
      editActions.hidden = false;
      editArea.focus();
    }

    function closeEditor() {
      editor.hidden = true;
      textBox.hidden = false;
      editActions.hidden = true;
      mainActions.hidden = false;
    }

    function openReject() {
      rejectBox.hidden = false;
      rejectInput.focus();
    }

    function closeReject() { rejectBox.hidden = true; }

    function send(verdict, extra) {
      var payload = {
        suggestion_id: s.suggestion_id,
        verdict: verdict,
        draft_index: index,
        message: current && current.suggestion === s ? current.request.message : els.message.value,
        language: s.language,
        intent: s.intent,
        market: s.market,
        escalation_level: (s.escalation && s.escalation.level) || "none",
        strategy: d.strategy || "answer",
        draft_text: d.text || ""
      };
      Object.keys(extra || {}).forEach(function (k) { payload[k] = extra[k]; });
      setButtonsDisabled(true);
      setStatus("Saving…", "");
      return postJSON("v1/feedback", payload).then(function (result) {
        var label = { accepted: "accepted", edited: "edited version sent", rejected: "rejected" }[verdict];
        setStatus("Saved — " + label + (result && result.id !== undefined ? " (#" + result.id + ")" : ""), "ok");
        node.classList.remove("state-accepted", "state-edited", "state-rejected");
        node.classList.add("state-" + verdict);
        return true;
      }, function (err) {
        setStatus("Not saved: " + (err.code ? err.code + " — " : "") + (err.message || "error"), "err");
        return false;
      }).then(function (ok) {
        setButtonsDisabled(false);
        return ok;
      });
    }

    node.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-action]");
      if (!button || !node.contains(button)) return;
      var action = button.getAttribute("data-action");
      if (action === "copy") {
        copyText(editor.hidden ? shownText : editArea.value).then(function (ok) {
          flash(copyBtn, ok ? "Copied" : "Copy failed");
        });
      } else if (action === "accept") {
        closeReject();
        send("accepted", {});
      } else if (action === "edit") {
        openEditor();
      } else if (action === "cancel-edit") {
        closeEditor();
        node.querySelector('[data-action="edit"]').focus();
      } else if (action === "send-edited") {
        sendEdited();
      } else if (action === "reject") {
        if (rejectBox.hidden) openReject(); else closeReject();
      } else if (action === "cancel-reject") {
        closeReject();
        node.querySelector('[data-action="reject"]').focus();
      } else if (action === "send-reject") {
        var reason = rejectInput.value.trim();
        send("rejected", reason ? { reason: reason } : {}).then(function (ok) { if (ok) closeReject(); });
      }
    });

    function sendEdited() {
      var finalText = editArea.value;
      if (!finalText.trim()) {
        setStatus("The edited text is empty.", "err");
        editArea.focus();
        return;
      }
      send("edited", { final_text: finalText }).then(function (ok) {
        if (!ok) return;
        shownText = finalText;
        textBox.textContent = finalText;
        closeEditor();
      });
    }

    editArea.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        event.stopPropagation();
        sendEdited();
      } else if (event.key === "Escape") {
        closeEditor();
      }
    });

    rejectInput.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        event.stopPropagation();
        node.querySelector('[data-action="send-reject"]').click();
      } else if (event.key === "Escape") {
        closeReject();
      }
    });

    return node;
  }

  function flash(button, text) {
    var original = button.getAttribute("data-label") || button.textContent;
    button.setAttribute("data-label", original);
    button.textContent = text;
    window.clearTimeout(button._flashTimer);
    button._flashTimer = window.setTimeout(function () { button.textContent = original; }, 1500);
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return true; }, function () {
        return legacyCopy(text);
      });
    }
    return Promise.resolve(legacyCopy(text));
  }

  function legacyCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.top = "-1000px";
    area.style.opacity = "0";
    document.body.appendChild(area);
    var active = document.activeElement;
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    if (active && active.focus) active.focus();
    return ok;
  }

  // ------------------------------------------------------------------ samples
  function loadSamples() {
    fetch("static/samples.json", { headers: { "Accept": "application/json" } }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    }).then(function (data) {
      samples = Array.isArray(data) ? data : (data && data.samples) || [];
      samples.forEach(function (sample, i) {
        var label = (sample.language ? "[" + sample.language + "] " : "") + (sample.label || sample.message.slice(0, 60));
        els.sample.appendChild(el("option", { value: String(i) }, label));
      });
    }).catch(function () {
      els.sample.disabled = true;
      els.sample.options[0].textContent = "samples unavailable";
    });
  }

  function applySample() {
    var sample = samples[parseInt(els.sample.value, 10)];
    if (!sample) return;
    els.message.value = sample.message || "";
    els.market.value = sample.market || "";
    els.channel.value = sample.channel || "email";
    els.orderJson.value = sample.order ? JSON.stringify(sample.order, null, 2) : "";
    validateOrder();
    validateMessage();
    updateCount();
  }

  // ------------------------------------------------------------------ wiring
  function init() {
    els = {
      form: $("suggest-form"), message: $("message"), messageCount: $("message-count"),
      messageError: $("message-error"), market: $("market"), channel: $("channel"), drafts: $("drafts"),
      orderJson: $("order-json"), orderError: $("order-json-error"), orderExample: $("order-example"),
      sample: $("sample"), submit: $("submit"), clearBtn: $("clear"), apiKey: $("api-key"),
      results: $("results"), error: $("error"), empty: $("empty-state"), loading: $("loading"),
      output: $("output"), language: $("language"), languageConf: $("language-conf"),
      intent: $("intent"), intentConf: $("intent-conf"), escalation: $("escalation"),
      reasons: $("escalation-reasons"), marketOut: $("market-out"), situation: $("situation"),
      pii: $("pii"), generator: $("generator"), fallback: $("fallback"), guidance: $("guidance"),
      suggestionId: $("suggestion-id"), draftsList: $("drafts-list"), sources: $("sources"),
      draftTemplate: $("draft-template"), liveStatus: $("live-status")
    };

    els.apiKey.value = storageGet(API_KEY_STORAGE);
    els.apiKey.addEventListener("change", function () { storageSet(API_KEY_STORAGE, els.apiKey.value.trim()); });

    els.form.addEventListener("submit", function (event) { event.preventDefault(); submit(); });
    els.message.addEventListener("input", function () {
      updateCount();
      if (els.message.getAttribute("aria-invalid")) validateMessage();
    });
    var orderTimer = null;
    els.orderJson.addEventListener("input", function () {
      window.clearTimeout(orderTimer);
      // Re-check at once when clearing an error, otherwise wait until typing pauses.
      if (els.orderJson.getAttribute("aria-invalid")) validateOrder();
      else orderTimer = window.setTimeout(validateOrder, 700);
    });
    els.orderJson.addEventListener("blur", validateOrder);
    els.orderExample.addEventListener("click", function () {
      els.orderJson.value = JSON.stringify(EXAMPLE_ORDER, null, 2);
      validateOrder();
      els.orderJson.focus();
    });
    els.sample.addEventListener("change", applySample);
    els.clearBtn.addEventListener("click", function () {
      els.form.reset();
      els.sample.value = "";
      validateOrder();
      els.message.removeAttribute("aria-invalid");
      els.messageError.hidden = true;
      updateCount();
      els.message.focus();
    });

    document.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || event.defaultPrevented) return;
      var target = event.target;
      if (target && target.closest && target.closest(".draft")) return;  // draft editor handles its own
      event.preventDefault();
      submit();
    });

    updateCount();
    loadSamples();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
