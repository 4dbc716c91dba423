// zhibiao's only script (the Content-Security-Policy allows no other): tooltips for highlighted
// facts and entities on hover and keyboard focus, raw lines linked to restored blocks in the
// side-by-side view, and filter selects that apply themselves. Text is set with textContent only.
(function () {
  "use strict";

  var FACT_FIELDS = [["indicator", "指标 indicator"], ["value", "数值 value"], ["kind", "类型 kind"],
    ["qualifier", "限定 qualifier"], ["period", "时期 period"], ["place", "地区 place"], ["basis", "基准 basis"]];
  var tip = document.getElementById("tip");
  var current = null;

  function describe(el) {
    if (el.classList.contains("fact")) {
      return FACT_FIELDS.filter(function (f) { return el.dataset[f[0]]; })
        .map(function (f) { return [f[1], el.dataset[f[0]]]; });
    }
    var rows = [["实体 entity", el.dataset.entity]];
    if (el.dataset.canonical) rows.push(["规范名 canonical", el.dataset.canonical]);
    return rows;
  }

  // A fact split around another mark is several elements sharing data-fact.
  function pieces(el) {
    if (!el.dataset.fact) return [el];
    return Array.prototype.slice.call(
      document.querySelectorAll('.fact[data-fact="' + CSS.escape(el.dataset.fact) + '"]'));
  }

  function show(el) {
    if (el === current) return;
    hide();
    current = el;
    tip.replaceChildren();
    describe(el).forEach(function (row) {
      var line = document.createElement("div");
      var label = document.createElement("span");
      label.className = "tip-label";
      label.textContent = row[0];
      var value = document.createElement("span");
      value.className = "tip-value tip-" + (row[0].split(" ")[1] || "x");
      value.textContent = row[1];
      line.append(label, value);
      tip.append(line);
    });
    tip.hidden = false;
    var box = el.getBoundingClientRect();
    var width = tip.offsetWidth, height = tip.offsetHeight;
    var viewport = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(box.left, viewport - width - 8));
    var top = box.bottom + 6;
    if (top + height > window.innerHeight && box.top > height + 12) top = box.top - height - 6;
    tip.style.left = (left + window.scrollX) + "px";
    tip.style.top = (top + window.scrollY) + "px";
    el.setAttribute("aria-describedby", "tip");
    pieces(el).forEach(function (p) { p.classList.add("hover"); });
  }

  function hide() {
    if (!current) return;
    current.removeAttribute("aria-describedby");
    pieces(current).forEach(function (p) { p.classList.remove("hover"); });
    current = null;
    tip.hidden = true;
  }

  function markOf(node) {
    if (!node || !node.closest) return null;
    return node.closest(".article .fact, .article .ent");
  }

  if (tip) {
    document.addEventListener("mouseover", function (e) {
      var mark = markOf(e.target);
      if (mark) show(mark);
    });
    document.addEventListener("mouseout", function (e) {
      if (current && !markOf(e.relatedTarget)) hide();
    });
    document.addEventListener("focusin", function (e) {
      var mark = markOf(e.target);
      if (mark) show(mark); else hide();
    });
    document.addEventListener("focusout", function (e) {
      if (!markOf(e.relatedTarget)) hide();
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape") hide();
    });
  }

  // Side by side: a restored block and the raw lines it came from light up together.
  var raw = document.querySelector(".raw");
  if (raw) {
    var blockOfLine = {};
    var lit = [];
    document.querySelectorAll(".article .blk[data-lines]").forEach(function (block) {
      block.dataset.lines.split(" ").forEach(function (n) { if (n) blockOfLine[n] = block; });
    });
    var light = function (block, scroll) {
      lit.forEach(function (el) { el.classList.remove("linked"); });
      lit = [];
      if (!block || !block.dataset.lines) return;
      lit.push(block);
      block.dataset.lines.split(" ").forEach(function (n) {
        var line = document.getElementById("line-" + n);
        if (line) lit.push(line);
      });
      lit.forEach(function (el) { el.classList.add("linked"); });
      var first = lit[1];
      if (scroll && first && raw.scrollHeight > raw.clientHeight) {
        var above = first.offsetTop - raw.scrollTop;
        if (above < 0 || above > raw.clientHeight - 40) raw.scrollTop = first.offsetTop - raw.clientHeight / 3;
      }
    };
    document.addEventListener("mouseover", function (e) {
      var block = e.target.closest && e.target.closest(".article .blk");
      var line = e.target.closest && e.target.closest(".raw .ln");
      if (block) light(block, true);
      else if (line && blockOfLine[line.dataset.n]) light(blockOfLine[line.dataset.n], false);
    });
    document.addEventListener("focusin", function (e) {
      var block = e.target.closest && e.target.closest(".article .blk");
      if (block) light(block, true);
    });
  }

  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.requestSubmit(); });
  });
})();
