import Foundation
import Testing

/// The demo site as a person sees it: rendered by headless Chromium at phone and desktop widths,
/// every link and anchor followed by linkchecker, every page through tidy, nothing loaded from
/// outside the site. The tools come from Debian (.ci/install-deps); without them these tests fail.
@Suite(.serialized) struct BrowserTests {
    static let phone = (name: "phone", width: 390, height: 844)
    static let desktop = (name: "desktop", width: 1280, height: 800)
    static let screenshots = CLIRunner.packageRoot.appendingPathComponent(".build/screenshots")

    /// Index, latest week and the performance-per-dollar page at both widths; PNGs under
    /// .build/screenshots/ for people to look at.
    @Test func screenshotsAtPhoneAndDesktopWidths() throws {
        let demo = try DemoSite.get()
        let week = try #require(demo.latestWeek, "the demo site has no weekly page")
        try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)
        var shots: [(file: URL, width: Int, height: Int)] = []
        var commands: [BrowserTools.Command] = []
        for page in ["index.html", week, "efficiency.html"] {
            for size in [Self.phone, Self.desktop] {
                let slug = page.replacingOccurrences(of: ".html", with: "").replacingOccurrences(of: "/", with: "-")
                let file = Self.screenshots.appendingPathComponent("\(slug)-\(size.name)-\(size.width)x\(size.height).png")
                try? FileManager.default.removeItem(at: file)
                shots.append((file, size.width, size.height))
                commands.append(BrowserTools.chromium(["--screenshot=\(file.path)"], url: demo.site.appendingPathComponent(page),
                                                      width: size.width, height: size.height,
                                                      profile: demo.folder.appendingPathComponent("profile-\(commands.count)")))
            }
        }
        let runs = try BrowserTools.runAll(commands, in: demo.folder)
        for (shot, run) in zip(shots, runs) {
            let data = try? Data(contentsOf: shot.file)
            guard let data else {
                Issue.record("chromium wrote no \(shot.file.lastPathComponent) (exit \(run.status)): \(run.stderr.suffix(2000))")
                continue
            }
            #expect(data.count > 10_000, "\(shot.file.lastPathComponent) is only \(data.count) bytes: a blank page?")
            let size = pngSize(data)
            #expect(size != nil, "\(shot.file.lastPathComponent) is not a PNG")
            #expect(size?.width == shot.width && size?.height == shot.height,
                    "\(shot.file.lastPathComponent) is \(String(describing: size)), expected \(shot.width)x\(shot.height)")
        }
    }

    /// The rendered DOM (after the page loads) shows the report's key figures.
    @Test func renderedPagesShowTheKeyFigures() throws {
        let demo = try DemoSite.get()
        let week = try #require(demo.latestWeek)
        let spend = try #require(demo.number("totals", "spend"), "no totals.spend in the report JSON")
        let savings = try #require(demo.number("totals", "realized_savings"))
        let monthToDate = try #require(demo.number("budget", "month_to_date"))
        let status = try #require(demo.string("budget", "status"))
        let periodID = try #require(demo.string("period", "id"))
        #expect(week == "weeks/\(periodID).html", "the latest weekly page is not the report's week")

        let runs = try BrowserTools.runAll(["index.html", week].enumerated().map { i, page in
            BrowserTools.chromium(["--dump-dom", "--virtual-time-budget=3000"], url: demo.site.appendingPathComponent(page),
                                  width: Self.desktop.width, height: Self.desktop.height,
                                  profile: demo.folder.appendingPathComponent("dom-\(i)"))
        }, in: demo.folder)
        for run in runs { #expect(run.status == 0 && run.stdout.contains("</html>"), "chromium --dump-dom failed: \(run.stderr.suffix(2000))") }
        let index = textOfHTML(runs[0].stdout), weekly = textOfHTML(runs[1].stdout)

        for (label, figure) in [("week's spend", usd(spend)), ("month-to-date spend", usd(monthToDate))] {
            #expect(index.contains(figure), "the index does not show the \(label) \(figure)")
        }
        #expect(index.uppercased().contains(status.uppercased()), "the index does not show the budget status \(status)")
        #expect(index.contains(periodID))
        for (label, figure) in [("spend", usd(spend)), ("realized savings", usd(savings))] {
            #expect(weekly.contains(figure), "\(week) does not show the week's \(label) \(figure)")
        }
        #expect(weekly.contains(periodID))
    }

    /// On a 1280×800 screen the index shows budget status, trend chart, top opportunities and the
    /// checklist without scrolling: their boxes, measured in Chromium's real layout, start above 800px.
    @Test func dashboardCardsAreVisibleWithoutScrollingOnADesktop() throws {
        let demo = try DemoSite.get()
        let layout = try measureIndex(demo, ids: ["budget", "trend", "opportunities", "checklist", "breakdown", "quality"])
        #expect(layout.viewport == [Double(Self.desktop.width), Double(Self.desktop.height)],
                "the measuring frame is not a 1280x800 viewport: \(layout.viewport)")
        for id in ["budget", "trend", "opportunities", "checklist"] {
            guard let rect = layout.rects[id] else {
                Issue.record("the index has no visible element #\(id)")
                continue
            }
            #expect(rect.width > 0 && rect.height > 0, "#\(id) has no size: \(rect)")
            #expect(rect.top >= 0 && rect.top < Double(Self.desktop.height),
                    "#\(id) starts at y=\(rect.top): not visible without scrolling on a 1280x800 screen")
            #expect(rect.left >= 0 && rect.left < Double(Self.desktop.width), "#\(id) starts at x=\(rect.left), off screen")
        }
        for id in ["breakdown", "quality"] {
            #expect(layout.rects[id] != nil, "the index has no #\(id) card")
        }
        let budgetText = layout.texts["budget"] ?? ""
        if let status = demo.string("budget", "status") {
            #expect(budgetText.uppercased().contains(status.uppercased()), "#budget does not say \(status): \(budgetText.prefix(300))")
        }
        if let mtd = demo.number("budget", "month_to_date") {
            #expect(budgetText.contains(usd(mtd)), "#budget does not show the month to date \(usd(mtd))")
        }
    }

    /// linkchecker over every page, anchors included, finds nothing broken.
    @Test func linkcheckerFindsNoBrokenLinksOrAnchors() throws {
        let demo = try DemoSite.get()
        let config = demo.folder.appendingPathComponent("linkcheckerrc")
        try "[filtering]\ncheckextern=0\n\n[AnchorCheck]\n".write(to: config, atomically: true, encoding: .utf8)
        _ = try? BrowserTools.run("chmod", ["a+r", config.path], in: demo.folder)
        let pages = demo.files(withExtension: "html").map { demo.site.appendingPathComponent($0).absoluteString }
        #expect(pages.count > 5)
        let run = try BrowserTools.run("linkchecker", ["-f", config.path, "--no-status", "--ignore-url=^https?:",
                                                       "--ignore-url=^mailto:"] + pages, in: demo.folder, timeout: 100)
        #expect(run.status == 0 && run.stdout.contains(" 0 warnings found") && run.stdout.contains(" 0 errors found"),
                "linkchecker found broken links or anchors (exit \(run.status)):\n\(run.stdout)\n\(run.stderr.suffix(2000))")
    }

    /// tidy reports no errors on any page (warnings, such as its HTML 4 view of aria-current, allowed).
    @Test func tidyReportsNoErrors() throws {
        let demo = try DemoSite.get()
        let pages = demo.files(withExtension: "html")
        #expect(pages.count > 5)
        let runs = try BrowserTools.runAll(pages.map {
            BrowserTools.Command(tool: "tidy", arguments: ["-q", "-e", "-utf8", demo.site.appendingPathComponent($0).path], timeout: 30)
        }, in: demo.folder)
        for (page, run) in zip(pages, runs) {
            let errors = run.stderr.split(separator: "\n").filter { $0.contains("Error:") }
            #expect(run.status < 2 && errors.isEmpty, "tidy: errors in \(page) (exit \(run.status)):\n\(run.stderr)")
        }
    }

    /// No page loads anything from outside the site: every src, and the href of stylesheets,
    /// scripts, images and sources, is relative; links may be absolute only to the feed; and only
    /// the feed uses the configured --site-url.
    @Test func nothingIsLoadedFromOutsideTheSite() throws {
        let demo = try DemoSite.get()
        var problems: [String] = []
        for page in demo.files(withExtension: "html") {
            let html = try String(contentsOf: demo.site.appendingPathComponent(page), encoding: .utf8)
            for tag in matches(of: "<([a-zA-Z][a-zA-Z0-9-]*)\\b[^>]*>", in: html) {
                let name = (matches(of: "^<([a-zA-Z0-9-]+)", in: tag, group: 1).first ?? "").lowercased()
                for (attribute, value) in attributes(of: tag) {
                    let loads = ["src", "srcset", "poster", "data", "background"].contains(attribute)
                        || (attribute == "href" && ["link", "script", "img", "source", "image", "use"].contains(name))
                    let urls = attribute == "srcset"
                        ? value.split(separator: ",").compactMap { $0.split(separator: " ").first.map(String.init) } : [value]
                    for url in urls where !isRelative(url) {
                        if loads && !url.hasPrefix("data:") {
                            problems.append("\(page): <\(name) \(attribute)=\"\(url)\"> loads from outside the site")
                        } else if attribute == "href" && name == "a" && !isFeed(url) {
                            problems.append("\(page): <a href=\"\(url)\"> is absolute (only the feed link may be)")
                        }
                    }
                }
                if let style = attributes(of: tag).first(where: { $0.0 == "style" })?.1 {
                    problems += cssURLs(style).filter { !isRelative($0) && !$0.hasPrefix("data:") }.map { "\(page): style url(\($0))" }
                }
            }
            for block in matches(of: "<style\\b[^>]*>([\\s\\S]*?)</style>", in: html, group: 1) {
                problems += cssURLs(block).filter { !isRelative($0) && !$0.hasPrefix("data:") }.map { "\(page): <style> url(\($0))" }
            }
            if html.contains(DemoSite.siteURL) {
                let withoutFeedLinks = html.replacingOccurrences(of: "href=\"\(DemoSite.siteURL)[^\"]*feed[^\"]*\"", with: "",
                                                                 options: .regularExpression)
                if withoutFeedLinks.contains(DemoSite.siteURL) { problems.append("\(page) uses the --site-url outside a feed link") }
            }
        }
        for css in demo.files(withExtension: "css") {
            let text = try String(contentsOf: demo.site.appendingPathComponent(css), encoding: .utf8)
            problems += cssURLs(text).filter { !isRelative($0) && !$0.hasPrefix("data:") }.map { "\(css): url(\($0)) / @import" }
        }
        for file in demo.files() where !isFeed(file) && [".json", ".csv", ".md", ".js", ".txt"].contains(where: file.hasSuffix) {
            let text = String(decoding: (try? Data(contentsOf: demo.site.appendingPathComponent(file))) ?? Data(), as: UTF8.self)
            if text.contains(DemoSite.siteURL) { problems.append("\(file) uses the --site-url (only the feed may)") }
        }
        if demo.siteURLGiven, let feed = demo.files().first(where: isFeed) {
            let xml = try String(contentsOf: demo.site.appendingPathComponent(feed), encoding: .utf8)
            #expect(xml.contains(DemoSite.siteURL), "\(feed) does not use the configured --site-url")
            let links = matches(of: "<link[^>]*\\bhref=\"([^\"]*)\"", in: xml, group: 1) + matches(of: "<link>([^<]*)</link>", in: xml, group: 1)
            for link in links where !link.hasPrefix(DemoSite.siteURL) {
                problems.append("\(feed): link \(link) is not under the --site-url \(DemoSite.siteURL)")
            }
        }
        #expect(problems.isEmpty, "\(problems.count) problem(s):\n\(problems.prefix(40).joined(separator: "\n"))")
    }

    // MARK: - Helpers

    private func isRelative(_ url: String) -> Bool {
        let u = url.trimmingCharacters(in: .whitespaces)
        if u.hasPrefix("/") || u.hasPrefix("\\") { return false }
        return u.range(of: "^[a-zA-Z][a-zA-Z0-9+.-]*:", options: .regularExpression) == nil
    }

    private func isFeed(_ url: String) -> Bool {
        let path = url.split(separator: "#").first.map(String.init) ?? url
        return path.hasSuffix("feed.xml") || path.hasSuffix(".atom") || path.hasSuffix(".rss")
    }

    private func matches(of pattern: String, in text: String, group: Int = 0) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).compactMap {
            $0.range(at: group).location == NSNotFound ? nil : ns.substring(with: $0.range(at: group))
        }
    }

    private func attributes(of tag: String) -> [(String, String)] {
        guard let regex = try? NSRegularExpression(pattern: "\\s([a-zA-Z:-]+)\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|([^\\s>]+))") else { return [] }
        let ns = tag as NSString
        return regex.matches(in: tag, range: NSRange(location: 0, length: ns.length)).map { m in
            let value = [3, 4, 5].lazy.map { m.range(at: $0) }.first { $0.location != NSNotFound }.map { ns.substring(with: $0) } ?? ""
            return (ns.substring(with: m.range(at: 1)).lowercased(), value.replacingOccurrences(of: "&amp;", with: "&"))
        }
    }

    private func cssURLs(_ css: String) -> [String] {
        matches(of: "url\\(\\s*['\"]?([^'\")]+)", in: css, group: 1) + matches(of: "@import\\s+['\"]([^'\"]+)", in: css, group: 1)
    }

    struct Layout {
        var viewport: [Double] = []
        var rects: [String: (left: Double, top: Double, width: Double, height: Double)] = [:]
        var texts: [String: String] = [:]
    }

    /// Loads the index in a 1280×800 iframe of a wrapper page, reads each element's bounding box
    /// and visible text in Chromium's layout, and has the wrapper write them into its own DOM.
    private func measureIndex(_ demo: DemoSite, ids: [String]) throws -> Layout {
        let w = Self.desktop.width, h = Self.desktop.height
        let idList = ids.map { "'\($0)'" }.joined(separator: ",")
        let wrapper = """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><style>html,body{margin:0;padding:0}iframe{border:0;display:block}</style></head>
        <body><iframe id="frame" width="\(w)" height="\(h)" src="\(demo.site.appendingPathComponent("index.html").absoluteString)"></iframe>
        <pre id="out">pending</pre>
        <script>
        document.getElementById('frame').addEventListener('load', function () {
          var out = {rects: {}, texts: {}};
          try {
            var doc = this.contentDocument;
            out.viewport = [this.contentWindow.innerWidth, this.contentWindow.innerHeight];
            [\(idList)].forEach(function (id) {
              var el = doc.getElementById(id);
              if (!el) return;
              var r = el.getBoundingClientRect();
              out.rects[id] = [r.left, r.top, r.width, r.height];
              out.texts[id] = el.innerText;
            });
          } catch (e) { out.error = String(e); }
          document.getElementById('out').textContent = 'LAY' + 'OUT:' + encodeURIComponent(JSON.stringify(out)) + ':LAY' + 'OUT';
        });
        </script></body></html>
        """
        let file = demo.folder.appendingPathComponent("measure-index.html")
        try wrapper.write(to: file, atomically: true, encoding: .utf8)
        let run = try BrowserTools.runAll([BrowserTools.chromium(
            ["--allow-file-access-from-files", "--dump-dom", "--virtual-time-budget=5000"], url: file,
            width: w, height: h + 200, profile: demo.folder.appendingPathComponent("measure"))], in: demo.folder)[0]
        guard let encoded = matches(of: "LAYOUT:([^:<]*):LAYOUT", in: run.stdout, group: 1).first,
              let json = encoded.removingPercentEncoding,
              let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            throw DemoSite.Failure("could not measure the index in chromium (exit \(run.status)): \(run.stdout.suffix(1000)) \(run.stderr.suffix(1000))")
        }
        if let error = object["error"] as? String { throw DemoSite.Failure("measuring the index failed in the page: \(error)") }
        var layout = Layout()
        layout.viewport = (object["viewport"] as? [NSNumber])?.map(\.doubleValue) ?? []
        for (id, value) in object["rects"] as? [String: [NSNumber]] ?? [:] where value.count == 4 {
            layout.rects[id] = (value[0].doubleValue, value[1].doubleValue, value[2].doubleValue, value[3].doubleValue)
        }
        layout.texts = object["texts"] as? [String: String] ?? [:]
        return layout
    }
}
