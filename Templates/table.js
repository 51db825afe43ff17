// costreport: sortable, filterable tables. Progressive enhancement only: every page is complete
// without this script (rows in the report's own order, folded rows in <details>). No dependency,
// no network; copy Templates/ to change it.
(function () {
  "use strict";

  // "$1,234.56", "12.5%", "-$3.00", "4.3 ms", "▲ +12.3%", "1,204" → a number; anything else → null.
  function number(text) {
    var t = text.replace(/[▲▼=$,%\s]|ms$/g, "").replace("−", "-");
    if (t === "" || t === "–" || t === "-") return null;
    var n = Number(t);
    return isFinite(n) ? n : null;
  }

  // A folded continuation: the <details> right after a table, holding a table with the same columns.
  function continuation(table) {
    var next = table.nextElementSibling;
    var inner = next && next.tagName === "DETAILS" ? next.querySelector("table") : null;
    return inner && inner.rows[0] && inner.rows[0].cells.length === table.rows[0].cells.length ? next : null;
  }

  // Sorting or filtering means looking at every row: move the folded ones into the table.
  function unfold(table) {
    var details = continuation(table);
    if (!details) return;
    var body = table.tBodies[0];
    Array.prototype.slice.call(details.querySelector("tbody").rows).forEach(function (row) { body.appendChild(row); });
    details.hidden = true;
  }

  function sortBy(table, column, header) {
    unfold(table);
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    rows.sort(function (a, b) {
      var x = a.cells[column] ? a.cells[column].textContent.trim() : "";
      var y = b.cells[column] ? b.cells[column].textContent.trim() : "";
      var nx = number(x), ny = number(y);
      var order = nx !== null && ny !== null ? nx - ny : (x < y ? -1 : x > y ? 1 : 0);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.rows[0].cells, function (cell) { cell.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function filterBox(table) {
    var input = document.createElement("input");
    input.type = "search";
    input.className = "table-filter";
    input.placeholder = "Filter rows";
    input.setAttribute("aria-label", "Filter the rows of the next table");
    input.addEventListener("input", function () {
      unfold(table);
      var needle = input.value.toLowerCase();
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        row.hidden = needle !== "" && row.textContent.toLowerCase().indexOf(needle) < 0;
      });
    });
    table.parentNode.insertBefore(input, table);
  }

  // A printout shows every row: folded tables open before printing.
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("main details"), function (d) { d.open = true; });
  });

  Array.prototype.forEach.call(document.querySelectorAll("main table"), function (table) {
    if (!table.tHead || !table.tBodies[0] || table.closest("details")) return;
    var folded = continuation(table);
    var count = table.tBodies[0].rows.length + (folded ? folded.querySelector("tbody").rows.length : 0);
    if (count < 3) return;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (header.firstChild) button.appendChild(header.firstChild);
      header.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, column, header); });
    });
    if (count > 10) filterBox(table);
  });
})();
