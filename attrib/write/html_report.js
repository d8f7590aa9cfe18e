// Clicking a speaker shows only their highlights; the search box keeps the attributions whose speaker or quote
// holds its words; clicking a content shows its record in the side panel.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("attrib-data").textContent);
  var panel = document.getElementById("panel");
  var search = document.getElementById("search");

  // the record numbers of an article that the search keeps (null: no search, all of them)
  function matching(article) {
    var words = search ? search.value.trim().toLowerCase() : "";
    if (!words) return null;
    var kept = new Set();
    data[Number(article.dataset.i)].attributions.forEach(function (r, n) {
      var haystack = [r.speaker, r.speaker_mention, r.quote].join("\n").toLowerCase();
      if (haystack.indexOf(words) >= 0) kept.add(n);
    });
    return kept;
  }

  // a mark is shown when its speaker is the one chosen (or none is) and the search keeps one of its records
  function apply(article) {
    var active = article.dataset.filter || "";
    var kept = matching(article);
    article.querySelectorAll("mark[data-s]").forEach(function (m) {
      var found = kept === null || m.dataset.a.split(" ").some(function (n) { return kept.has(Number(n)); });
      m.classList.toggle("off", (active !== "" && m.dataset.s !== active) || !found);
    });
    article.classList.toggle("hidden", kept !== null && kept.size === 0);
    var row = document.querySelector('#index a[href="#' + article.id + '"]');
    if (row) row.closest("tr").classList.toggle("hidden", kept !== null && kept.size === 0);
    return kept;
  }

  function filter(button) {
    var article = button.closest("article");
    var key = button.dataset.speaker;
    // a second click on the same speaker shows everyone again
    var active = article.dataset.filter === key ? "" : key;
    article.dataset.filter = active;
    article.querySelectorAll("button[data-speaker]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.dataset.speaker === active));
    });
    apply(article);
  }

  function searchAll() {
    var records = 0, articles = 0, searching = false;
    document.querySelectorAll("article").forEach(function (article) {
      var kept = apply(article);
      if (kept === null) return;
      searching = true;
      records += kept.size;
      articles += kept.size ? 1 : 0;
    });
    var plural = function (n, noun) { return n + " " + noun + (n === 1 ? "" : "s"); };
    document.getElementById("found").textContent = searching
      ? plural(records, "attribution") + " in " + plural(articles, "article") : "";
  }

  function row(list, label, value) {
    if (value === null || value === undefined || value === "") return;
    var dt = document.createElement("dt");
    var dd = document.createElement("dd");
    dt.textContent = label;
    dd.textContent = value;
    list.appendChild(dt);
    list.appendChild(dd);
    return dd;
  }

  function show(mark) {
    var article = mark.closest("article");
    var number = Number(mark.dataset.a.split(" ")[0]);
    var record = data[Number(article.dataset.i)].attributions[number];
    document.querySelectorAll("mark.selected").forEach(function (m) { m.classList.remove("selected"); });
    article.querySelectorAll('mark.q[data-a="' + mark.dataset.a + '"]').forEach(function (m) {
      m.classList.add("selected");
    });
    var list = document.createElement("dl");
    row(list, "speaker", record.speaker || "unresolved");
    var sure = record.speaker_confidence;
    row(list, "speaker confidence", typeof sure === "number" ? sure.toFixed(2) : null);
    row(list, "as written", record.speaker_mention);
    row(list, "title", record.speaker_title);
    row(list, "type", record.speaker_type);
    row(list, "kind", record.kind);
    row(list, "cue", record.cue);
    var when = record.date ? record.date + (record.date_source ? " (" + record.date_source + ")" : "") : "";
    row(list, "date", when);
    row(list, "date precision", record.date ? record.date_precision : null);
    row(list, "date as written", record.date_text);
    var quote = row(list, "content", record.quote);
    quote.className = "quote";
    quote.style.setProperty("--c", mark.style.getPropertyValue("--c"));
    panel.replaceChildren(list);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-speaker]");
    if (button) return filter(button);
    var mark = event.target.closest("mark.q:not(.off)");
    if (mark) show(mark);
  });
  if (search) search.addEventListener("input", searchAll);
})();
