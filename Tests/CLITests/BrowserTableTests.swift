import Foundation
import Testing

/// Issue 13 in a real browser: a weekly page's first screen, tables on a phone and on A4 paper,
/// sortable columns, and every row present without JavaScript. Each check runs a small script
/// in the page (inside an iframe, as `BrowserTests` measures the index) and reads its JSON back
/// from `chromium --dump-dom`.
@Suite(.serialized) struct BrowserTableTests {
    /// Runs `body` (JavaScript with `doc` and `win` in scope, returning a JSON-able value) once
    /// `page` has loaded in a `width`×`height` frame; `print` first applies the stylesheet's
    /// print rules as screen rules (Chromium's print emulation, without the DevTools protocol).
    func inPage(_ page: String, width: Int, height: Int, print: Bool = false, _ body: String) throws -> Any {
        let demo = try DemoSite.get()
        let name = "probe-\(UUID().uuidString).html"
        let wrapper = """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><style>html,body{margin:0;padding:0}iframe{border:0;display:block}</style></head>
        <body><iframe id="frame" width="\(width)" height="\(height)" src="\(demo.site.appendingPathComponent(page).absoluteString)"></iframe>
        <pre id="out">pending</pre>
        <script>
        document.getElementById('frame').addEventListener('load', function () {
          var result;
          try {
            var doc = this.contentDocument, win = this.contentWindow;
            if (\(print)) {
              var css = '';
              Array.prototype.forEach.call(doc.styleSheets, function (sheet) {
                Array.prototype.forEach.call(sheet.cssRules, function (rule) {
                  if (rule.media && rule.media.mediaText.indexOf('print') >= 0) {
                    Array.prototype.forEach.call(rule.cssRules, function (inner) { css += inner.cssText + '\\n'; });
                  }
                });
              });
              var style = doc.createElement('style'); style.textContent = css; doc.head.appendChild(style);
              win.dispatchEvent(new Event('beforeprint'));
            }
            result = (function (doc, win) { \(body) })(doc, win);
          } catch (e) { result = {error: String(e)}; }
          document.getElementById('out').textContent = 'PRO' + 'BE:' + encodeURIComponent(JSON.stringify(result)) + ':PRO' + 'BE';
        });
        </script></body></html>
        """
        let file = demo.folder.appendingPathComponent(name)
        try wrapper.write(to: file, atomically: true, encoding: .utf8)
        let run = try BrowserTools.runAll([BrowserTools.chromium(
            ["--allow-file-access-from-files", "--dump-dom", "--virtual-time-budget=5000"], url: file,
            width: width, height: height + 200, profile: demo.folder.appendingPathComponent("probe-profile-\(width)"))],
            in: demo.folder)[0]
        guard let start = run.stdout.range(of: "PROBE:"), let end = run.stdout.range(of: ":PROBE", range: start.upperBound..<run.stdout.endIndex),
              let json = String(run.stdout[start.upperBound..<end.lowerBound]).removingPercentEncoding else {
            throw DemoSite.Failure("no result from chromium (exit \(run.status)): \(run.stdout.suffix(500)) \(run.stderr.suffix(500))")
        }
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
        if let error = (value as? [String: Any])?["error"] as? String { throw DemoSite.Failure("in the page: \(error)") }
        return value
    }

    @Test func aWeeksFirstScreenShowsSpendChangeBudgetAndTheTopOpportunity() throws {
        let demo = try DemoSite.get()
        let week = try #require(demo.latestWeek)
        // The text of every leaf block whose top is on the first 1280×800 screen.
        let text = try #require(try inPage(week, width: 1280, height: 800, """
            var parts = [];
            doc.querySelectorAll('main h1, main p, main li').forEach(function (el) {
              var r = el.getBoundingClientRect();
              if (r.top >= 0 && r.top < win.innerHeight && r.height > 0) parts.push(el.innerText);
            });
            return parts.join('\\n');
            """) as? String)
        let spend = try #require(demo.number("totals", "spend"))
        #expect(text.contains(usd(spend)), "the week's spend \(usd(spend)) is not on the first screen:\n\(text)")
        #expect(text.contains(" vs ") || text.contains("no comparison"), "no change on the first screen:\n\(text)")
        let status = try #require(demo.string("budget", "status"))
        #expect(text.uppercased().contains(status.uppercased()), "no budget status \(status) on the first screen")
        #expect(text.contains("Top opportunity"), "no top opportunity on the first screen:\n\(text)")
    }

    @Test func onAPhoneNoSpendColumnLiesOffScreen() throws {
        let demo = try DemoSite.get()
        let week = try #require(demo.latestWeek)
        for page in [week, "index.html", "efficiency.html"] {
            let result = try #require(try inPage(page, width: 390, height: 844, """
                var checked = 0, off = [];
                doc.querySelectorAll('main td').forEach(function (td) {
                  var label = td.getAttribute('data-label') || '';
                  if (!/^(Spend|Per dollar)$/.test(label) || td.offsetParent === null) return;
                  var r = td.getBoundingClientRect();
                  checked++;
                  if (r.left < 0 || r.right > win.innerWidth + 1) off.push(label + ' ' + td.innerText + ' at ' + r.left + '..' + r.right);
                });
                return {checked: checked, off: off.slice(0, 5), width: doc.documentElement.scrollWidth};
                """) as? [String: Any])
            #expect((result["checked"] as? Int ?? 0) > 0, "\(page): no spend cell found to check")
            #expect((result["off"] as? [String] ?? ["?"]).isEmpty, "\(page) at 390 px: \(result["off"] ?? "")")
            #expect((result["width"] as? Int ?? 9999) <= 390, "\(page) scrolls sideways at 390 px: \(result["width"] ?? "")")
        }
    }

    @Test func printedOnA4EveryTableFitsThePage() throws {
        let demo = try DemoSite.get()
        let week = try #require(demo.latestWeek)
        // A4 portrait is 210 mm = 794 CSS px; less Chromium's default margins (about 10 mm a side), 718 px.
        for page in [week, "efficiency.html"] {
            let result = try #require(try inPage(page, width: 718, height: 1000, print: true, """
                var tables = 0, wide = [];
                doc.querySelectorAll('main table').forEach(function (t) {
                  if (t.offsetParent === null) return;
                  tables++;
                  var w = t.getBoundingClientRect().width;
                  if (w > 718 + 1 || t.scrollWidth > 718 + 1) wide.push((t.rows[0] ? t.rows[0].innerText.slice(0, 60) : '?') + ': ' + w);
                });
                return {tables: tables, wide: wide.slice(0, 5)};
                """) as? [String: Any])
            #expect((result["tables"] as? Int ?? 0) > 3, "\(page): too few tables measured")
            #expect((result["wide"] as? [String] ?? ["?"]).isEmpty, "\(page) on A4: tables wider than the page: \(result["wide"] ?? "")")
        }
    }

    @Test func clickingAColumnHeaderSortsTheRows() throws {
        let demo = try DemoSite.get()
        let week = try #require(demo.latestWeek)
        // The "By instance type" table: click "Runs" (ascending), then again (descending).
        let result = try #require(try inPage(week, width: 1280, height: 800, """
            var heading = Array.prototype.find.call(doc.querySelectorAll('h3'), function (h) { return h.textContent === 'By instance type'; });
            var table = heading.nextElementSibling;
            while (table && table.tagName !== 'TABLE') table = table.nextElementSibling;
            var column = Array.prototype.findIndex.call(table.tHead.rows[0].cells, function (c) { return c.textContent.trim() === 'Runs'; });
            function values() {
              return Array.prototype.map.call(table.tBodies[0].rows, function (r) { return Number(r.cells[column].textContent.replace(/,/g, '')); });
            }
            var before = values().length;
            table.tHead.rows[0].cells[column].querySelector('button').click();
            var up = values(), sortUp = table.tHead.rows[0].cells[column].getAttribute('aria-sort');
            table.tHead.rows[0].cells[column].querySelector('button').click();
            return {before: before, up: up, down: values(), sortUp: sortUp,
                    sortDown: table.tHead.rows[0].cells[column].getAttribute('aria-sort')};
            """) as? [String: Any])
        let up = (result["up"] as? [NSNumber] ?? []).map(\.doubleValue), down = (result["down"] as? [NSNumber] ?? []).map(\.doubleValue)
        #expect(up.count >= 3 && up == up.sorted(), "not ascending after one click: \(up)")
        #expect(down == up.sorted(by: >), "not descending after two: \(down)")
        #expect(result["sortUp"] as? String == "ascending" && result["sortDown"] as? String == "descending")
        // Sorting looks at every row: the folded ones join the table.
        let rows = try #require(try rowsInHTML(of: week, afterHeading: "By instance type"))
        #expect(up.count == rows, "sorted \(up.count) rows, the page holds \(rows)")
    }

    /// Without JavaScript every row is in the HTML: the table's rows and its folded rows together
    /// are every row of the report's breakdown.
    @Test func withoutJavaScriptEveryRowIsInTheHTML() throws {
        let demo = try DemoSite.get()
        let week = try #require(demo.latestWeek)
        let object = try #require(try JSONSerialization.jsonObject(with: demo.weekJSON) as? [String: Any])
        let breakdowns = try #require(object["breakdowns"] as? [String: Any])
        for (heading, key) in [("By instance type", "instance_type"), ("By suite", "suite"), ("By benchmark", "benchmark")] {
            let expected = (breakdowns[key] as? [Any])?.count ?? -1
            #expect(try rowsInHTML(of: week, afterHeading: heading) == expected, "\(heading): not every row in the HTML")
        }
    }

    /// Body rows of the table under `<h3>heading</h3>` plus those of the `<details>` folded after it.
    func rowsInHTML(of page: String, afterHeading heading: String) throws -> Int? {
        let html = try String(contentsOf: try DemoSite.get().site.appendingPathComponent(page), encoding: .utf8)
        guard let start = html.range(of: "<h3>\(heading)</h3>") else { return nil }
        let rest = html[start.upperBound...]
        let end = rest.range(of: "<h3>")?.lowerBound ?? rest.range(of: "<h2")?.lowerBound ?? rest.endIndex
        let section = rest[..<end]
        return section.components(separatedBy: "<tr>").count - 1 - section.components(separatedBy: "<thead>").count + 1
    }
}
