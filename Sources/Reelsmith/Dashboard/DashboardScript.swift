import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// The page's script, inline. It only ever puts text into the page through `textContent` and
/// attribute setters (never `innerHTML`), so the library's titles stay text here too. It sorts,
/// filters and pages the library from the JSON block (50 rows at a time, so 10,000 videos stay
/// quick), and turns the new-video form into request YAML to copy or download.
enum DashboardScript {
    static let javascript: StaticString = #"""
        (function () {
        "use strict";
        var D = JSON.parse(document.getElementById("dashboard-data").textContent);
        var PAGE = D.pageSize;
        var state = { key: "day", descending: true, niche: "", page: 0 };
        var table = document.getElementById("library-table");

        function grouped(n) {
          if (n === null || n === undefined) return "—";
          var s = String(n), out = "";
          while (s.length > 3) { out = D.groupSeparator + s.slice(-3) + out; s = s.slice(0, -3); }
          return s + out;
        }
        function cell(tr, className, label) {
          var td = document.createElement("td");
          if (className) td.className = className;
          if (label) td.setAttribute("data-label", label);
          tr.appendChild(td);
          return td;
        }
        function link(parent, href, text) {
          var a = document.createElement("a");
          a.setAttribute("href", href);
          a.textContent = text;
          parent.appendChild(a);
          return a;
        }
        // Keep in step with LibraryRow.swift, which writes the first page for readers without script.
        function row(v) {
          var tr = document.createElement("tr");
          tr.setAttribute("data-id", v[0]);
          var base = v[9] === null ? null : D.videosBase + encodeURIComponent(v[9]) + "/";
          var td = cell(tr, "thumb");
          if (base) {
            var a = document.createElement("a");
            a.setAttribute("href", base + "video.mp4");
            var img = document.createElement("img");
            img.setAttribute("class", "thumb");
            img.setAttribute("src", base + "thumbnail.jpg");
            img.setAttribute("alt", "");
            img.setAttribute("loading", "lazy");
            a.appendChild(img);
            td.appendChild(a);
          }
          td = cell(tr, "title");
          if (base) link(td, base, v[1]); else td.appendChild(document.createTextNode(v[1]));
          var small = document.createElement("small");
          small.textContent = D.niches[v[2]] + " · " + v[3];
          td.appendChild(small);
          td = cell(tr, "n score", D.labels.score);
          td.appendChild(document.createTextNode(v[4] === null ? "—" : String(v[4])));
          if (v[5]) {
            var crit = document.createElement("small");
            crit.className = "crit";
            crit.setAttribute("title", D.criteria.map(function (name, i) { return name + " " + v[5][i] + "/" + D.maximums[i]; }).join(", "));
            crit.textContent = v[5].join(" · ");
            td.appendChild(crit);
          }
          cell(tr, "status", D.labels.status).appendChild(document.createTextNode(D.statuses[v[6]]));
          cell(tr, "n views", D.labels.views).appendChild(document.createTextNode(grouped(v[7])));
          cell(tr, "n engagement", D.labels.engagement).appendChild(document.createTextNode(grouped(v[8])));
          td = cell(tr, "links");
          if (base) {
            link(td, base, D.labels.folder);
            td.appendChild(document.createTextNode(" · "));
            link(td, base + "video.mp4", "MP4");
          }
          return tr;
        }
        // Expanded on load (DashboardPayload.swift): a day as days since 1970-01-01, a folder
        // named DAY-SLUG-IDPREFIX as [SLUG]. Element 10 is the video's position in the index's
        // order (newest first): "day" sorts by it, and equal values keep it.
        D.videos.forEach(function (v, i) {
          if (typeof v[3] === "number") v[3] = new Date(v[3] * 86400000).toISOString().slice(0, 10);
          if (Array.isArray(v[9])) v[9] = v[3] + "-" + v[9][0] + "-" + v[0].slice(0, 8);
          v[10] = i;
        });
        var COLUMN = { day: 10, title: 1, niche: 2, score: 4, views: 7, engagement: 8 };
        function compare(a, b) {
          var i = COLUMN[state.key], x = a[i], y = b[i];
          if (i === 10) return state.descending ? x - y : y - x;
          if (i === 2) { x = D.niches[x]; y = D.niches[y]; }
          if (x === y) return a[10] - b[10];
          // Missing values stay last whichever the direction.
          if (x === null) return 1;
          if (y === null) return -1;
          var order = (typeof x === "string") ? x.localeCompare(y) : x - y;
          return state.descending ? -order : order;
        }
        var view = D.videos;
        function refresh() {
          view = D.videos.filter(function (v) { return state.niche === "" || D.niches[v[2]] === state.niche; });
          view.sort(compare);
          state.page = Math.min(state.page, Math.max(0, Math.ceil(view.length / PAGE) - 1));
          draw();
        }
        function draw() {
          var body = table.tBodies[0];
          var fragment = document.createDocumentFragment();
          var start = state.page * PAGE, end = Math.min(view.length, start + PAGE);
          for (var i = start; i < end; i++) fragment.appendChild(row(view[i]));
          body.replaceChildren(fragment);
          document.getElementById("library-count").textContent = view.length === 0 ? "0" :
            D.labels.showing.replace("{from}", grouped(start + 1)).replace("{to}", grouped(end)).replace("{total}", grouped(view.length));
          document.getElementById("library-previous").disabled = state.page === 0;
          document.getElementById("library-next").disabled = end >= view.length;
          var headers = table.querySelectorAll("th[data-sort]");
          for (var h = 0; h < headers.length; h++) {
            var key = headers[h].getAttribute("data-sort");
            headers[h].setAttribute("aria-sort", key === state.key ? (state.descending ? "descending" : "ascending") : "none");
          }
          document.getElementById("library-sort").value = state.key;
          document.getElementById("library-direction").textContent = state.descending ? "↓" : "↑";
        }
        if (table) {
          document.getElementById("library-niche").addEventListener("change", function (e) {
            state.niche = e.target.value; state.page = 0; refresh();
          });
          document.getElementById("library-sort").addEventListener("change", function (e) {
            state.key = e.target.value; state.descending = state.key !== "title" && state.key !== "niche"; state.page = 0; refresh();
          });
          document.getElementById("library-direction").addEventListener("click", function () {
            state.descending = !state.descending; state.page = 0; refresh();
          });
          var sortButtons = table.querySelectorAll("th[data-sort] button");
          for (var s = 0; s < sortButtons.length; s++) {
            sortButtons[s].addEventListener("click", function (e) {
              var key = e.currentTarget.parentNode.getAttribute("data-sort");
              if (state.key === key) state.descending = !state.descending;
              else { state.key = key; state.descending = key !== "title" && key !== "niche"; }
              state.page = 0; refresh();
            });
          }
          document.getElementById("library-previous").addEventListener("click", function () { state.page -= 1; draw(); });
          document.getElementById("library-next").addEventListener("click", function () { state.page += 1; draw(); });
          view = D.videos.slice();
        }

        // The new-video form: request YAML in double-quoted scalars, so any text is valid YAML.
        function quoted(text) {
          return '"' + text.replace(/[\\"\u0000-\u001f\u007f\u0085\u2028\u2029]/g, function (c) {
            if (c === "\\") return "\\\\";
            if (c === '"') return '\\"';
            if (c === "\n") return "\\n";
            if (c === "\t") return "\\t";
            return "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4);
          }) + '"';
        }
        var form = document.getElementById("request-form");
        var output = document.getElementById("request-yaml");
        var problem = document.getElementById("request-problem");
        function requestYAML() {
          var f = form.elements, lines = ["kind: request"], problems = [];
          var niche = f.niche.value.trim();
          if (niche === "") problems.push(D.form.nicheRequired);
          else lines.push("niche: " + quoted(niche));
          var topic = f.topic.value.trim();
          if (topic !== "") lines.push("topic: " + quoted(topic));
          var tone = f.tone.value.trim();
          if (tone !== "") lines.push("tone: " + quoted(tone));
          lines.push("language: " + f.language.value);
          var voice = f.voice.value.trim();
          lines.push("voice: " + quoted(voice === "" ? "default" : voice));
          ["duration", "images", "variants"].forEach(function (name) {
            var input = f[name], value = Number(input.value);
            if (!Number.isInteger(value) || value < Number(input.min) || value > Number(input.max)) {
              problems.push(D.form.range.replace("{name}", name).replace("{min}", input.min).replace("{max}", input.max));
            } else {
              lines.push(name + ": " + value);
            }
          });
          var url = f.inspiration_url.value.trim();
          if (url !== "") lines.push("inspiration_url: " + quoted(url));
          var music = f.music.value.trim();
          if (music !== "") lines.push("music: " + quoted(music));
          lines.push("visuals: " + f.visuals.value);
          var seed = f.seed.value.trim();
          if (seed !== "") {
            var number = Number(seed);
            if (!Number.isInteger(number) || number < Number(f.seed.min) || number > Number(f.seed.max)) {
              problems.push(D.form.range.replace("{name}", "seed").replace("{min}", f.seed.min).replace("{max}", f.seed.max));
            } else {
              lines.push("seed: " + number);
            }
          }
          if (f.force.checked) lines.push("force: true");
          return { text: lines.join("\n") + "\n", problems: problems };
        }
        function update() {
          var result = requestYAML();
          problem.textContent = result.problems.join(" ");
          output.value = result.problems.length ? "" : result.text;
          document.getElementById("request-download").disabled = result.problems.length > 0;
          document.getElementById("request-copy").disabled = result.problems.length > 0;
        }
        if (form) {
          form.addEventListener("input", update);
          form.addEventListener("change", update);
          form.addEventListener("submit", function (e) { e.preventDefault(); update(); });
          document.getElementById("request-copy").addEventListener("click", function () {
            output.select();
            if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(output.value).catch(function () { document.execCommand("copy"); });
            else document.execCommand("copy");
          });
          document.getElementById("request-download").addEventListener("click", function () {
            var a = document.createElement("a");
            a.href = URL.createObjectURL(new Blob([output.value], { type: "application/yaml" }));
            var slug = form.elements.niche.value.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
            a.download = "request-" + (slug || "video") + ".yaml";
            document.body.appendChild(a);
            a.click();
            a.remove();
          });
          update();
        }
        document.documentElement.setAttribute("data-ready", String(Math.round(performance.now())));
        })();
        """#
}
