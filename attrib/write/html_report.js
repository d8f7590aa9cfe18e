// Clicking a speaker shows only their highlights; clicking a content shows its record in the side panel.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("attrib-data").textContent);
  var panel = document.getElementById("panel");

  function filter(button) {
    var article = button.closest("article");
    var key = button.dataset.speaker;
    // a second click on the same speaker shows everyone again
    var active = article.dataset.filter === key ? "" : key;
    article.dataset.filter = active;
    article.querySelectorAll("button[data-speaker]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.dataset.speaker === active));
    });
    article.querySelectorAll("mark[data-s]").forEach(function (m) {
      m.classList.toggle("off", active !== "" && m.dataset.s !== active);
    });
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
    row(list, "as written", record.speaker_mention);
    row(list, "title", record.speaker_title);
    row(list, "type", record.speaker_type);
    row(list, "kind", record.kind);
    row(list, "cue", record.cue);
    var when = record.date ? record.date + (record.date_source ? " (" + record.date_source + ")" : "") : "";
    row(list, "date", when);
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
})();
