import ReelsmithCore
import ReelsmithEngines
import ReelsmithLearning
import ReelsmithMedia

/// The page's styles, inline: light and dark (the system's choice), a phone width of 390 px
/// without horizontal scrolling (wide tables scroll inside their box; the library turns into
/// cards), and chart colours shared by every SVG. Emoji (TikTok titles are full of them) come from
/// Noto Color Emoji (Debian's fonts-noto-color-emoji), named after the text fonts.
enum DashboardStyle {
    static let css: StaticString = """
        :root{color-scheme:light dark;--bg:#f6f7f9;--card:#fff;--text:#1b1f24;--muted:#5b6570;--line:#d9dde3;
        --s1:#2f6fdd;--s2:#e0803a;--s3:#2e9e6a;--s4:#9a5bd6;--s5:#c94a5a;--track:#e8ebef;--accent:#2f6fdd}
        @media (prefers-color-scheme:dark){:root{--bg:#101317;--card:#1a1e24;--text:#e6e9ed;--muted:#9aa4af;
        --line:#2f353d;--s1:#6ea1ff;--s2:#f0a060;--s3:#5ccf98;--s4:#c29af0;--s5:#f07888;--track:#2a3038;--accent:#6ea1ff}}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0;background:var(--bg);color:var(--text);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif,"Noto Color Emoji","Apple Color Emoji","Segoe UI Emoji"}
        header,main{max-width:1100px;margin:0 auto;padding:12px 14px}
        header h1{font-size:1.4rem;margin:8px 0 2px}
        header p{margin:0;color:var(--muted)}
        nav{display:flex;flex-wrap:wrap;gap:6px 14px;margin-top:10px}
        a{color:var(--accent)}
        section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 14px;margin:0 0 16px;min-width:0}
        h2{font-size:1.2rem;margin:4px 0 10px}
        h3{font-size:1rem;margin:14px 0 6px}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px}
        .card{border:1px solid var(--line);border-radius:8px;padding:8px 10px}
        .card b{display:block;font-size:1.5rem}
        .card span{color:var(--muted);font-size:.85rem}
        .grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:8px 20px}
        figure{margin:0;min-width:0}
        svg.chart{width:100%;height:auto;display:block}
        svg.stack{width:100%;max-width:300px;height:14px;display:block}
        svg text{fill:var(--text);font-size:12px}
        svg text.tick{fill:var(--muted);font-size:11px;text-anchor:end}
        svg text.middle{text-anchor:middle}
        svg text.end{text-anchor:end}
        .grid{stroke:var(--line);stroke-width:1}
        .track{fill:var(--track)}
        rect.s1,.s1{fill:var(--s1)} rect.s2{fill:var(--s2)} rect.s3{fill:var(--s3)} rect.s4{fill:var(--s4)}
        polyline.line{fill:none;stroke-width:2.5}
        polyline.s1{stroke:var(--s1)} polyline.s2{stroke:var(--s2)} circle.dot.s2{fill:var(--s2)}
        path.dots{stroke:var(--s1);stroke-width:6;stroke-linecap:round;fill:none;stroke-opacity:.55}
        .legend{display:flex;flex-wrap:wrap;gap:4px 12px;font-size:.85rem;color:var(--muted);margin:4px 0}
        .legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px;vertical-align:-1px}
        .legend .k1{background:var(--s1)} .legend .k2{background:var(--s2)} .legend .k3{background:var(--s3)} .legend .k4{background:var(--s4)}
        .scroll{overflow-x:auto;max-width:100%}
        table{border-collapse:collapse;width:100%;font-size:.9rem}
        th,td{text-align:left;padding:5px 6px;border-bottom:1px solid var(--line);vertical-align:top}
        td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        details{margin:6px 0 12px}
        summary{cursor:pointer;color:var(--muted);font-size:.9rem}
        .flag{display:inline-block;font-size:.75rem;padding:0 6px;border-radius:8px;background:var(--s2);color:#fff;margin-left:4px}
        .muted,small{color:var(--muted)}
        small{display:block}
        .title,.title a{overflow-wrap:anywhere}
        .crit{font-size:.8rem;color:var(--muted);white-space:nowrap}
        .controls{display:flex;flex-wrap:wrap;gap:8px 14px;align-items:end;margin-bottom:8px}
        label{display:block;font-size:.85rem;color:var(--muted)}
        select,input,textarea,button{font:inherit;color:var(--text);background:var(--card);border:1px solid var(--line);border-radius:6px;padding:5px 8px;max-width:100%}
        button{cursor:pointer}
        th button{border:0;padding:0;background:none;font-weight:bold;color:var(--text)}
        .pager{display:flex;gap:10px;align-items:center;margin-top:8px;flex-wrap:wrap}
        img.thumb{width:54px;height:96px;object-fit:cover;border-radius:4px;background:var(--track);display:block}
        form .fields{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:10px 16px}
        form input,form select{width:100%}
        textarea{width:100%;min-height:220px;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem}
        .error{color:var(--s5)}
        ol.steps li{margin:6px 0}
        @media (max-width:640px){
        svg.chart text{font-size:20px} svg.chart text.tick{font-size:18px}
        #library-table thead{display:none}
        #library-table,#library-table tbody,#library-table tr,#library-table td{display:block}
        #library-table tr{display:grid;grid-template-columns:62px minmax(0,1fr);gap:2px 10px;padding:8px 0;border-bottom:1px solid var(--line)}
        #library-table td{border:0;padding:0;text-align:left}
        #library-table td.thumb{grid-row:span 6}
        #library-table td[data-label]::before{content:attr(data-label) " ";color:var(--muted)}
        }
        """
}
