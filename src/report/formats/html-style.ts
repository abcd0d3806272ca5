/** The report page's stylesheet, inlined into the page (no external requests). */
export const REPORT_CSS = `
:root { color-scheme: light; --fg: #1d232a; --muted: #5b6672; --line: #d8dde3; --bg: #fff; --head: #f3f5f7; --warn: #8a5a00; --warn-bg: #fff4d6; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--fg); background: var(--bg); }
header.top { position: sticky; top: 0; z-index: 5; background: #fff; border-bottom: 1px solid var(--line); padding: 10px 24px; }
header.top h1 { font-size: 18px; margin: 0 0 2px; }
.summary { color: var(--muted); margin: 0 0 8px; }
.filters { display: flex; gap: 16px; flex-wrap: wrap; align-items: center; }
.filters label { display: inline-flex; gap: 6px; align-items: center; }
.filters select { font: inherit; padding: 2px 4px; max-width: 320px; }
main { padding: 8px 24px 80px; max-width: 1500px; }
h2 { font-size: 16px; margin: 24px 0 8px; scroll-margin-top: 110px; }
.note { color: var(--muted); font-size: 13px; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--head); font-weight: 600; font-size: 13px; vertical-align: bottom; }
td.desc { font-size: 13px; color: var(--muted); min-width: 280px; }
td.origin { font-size: 13px; }
th.sortable { cursor: pointer; user-select: none; }
th.sortable::after { content: " \\2195"; color: #9aa4ae; }
th[aria-sort="ascending"]::after { content: " \\2191"; color: var(--fg); }
th[aria-sort="descending"]::after { content: " \\2193"; color: var(--fg); }
td.num, th.num { text-align: right; }
tr.never td { color: var(--muted); }
tr.never td:first-child::after { content: " never fired"; font-size: 11px; color: var(--warn); background: var(--warn-bg); border-radius: 3px; padding: 0 4px; margin-left: 4px; }
td.key { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 13px; white-space: nowrap; }
td.key .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; background: hsl(var(--h) 60% 45%); }
details.examples summary { cursor: pointer; color: var(--muted); }
details.examples li { font-size: 13px; margin: 2px 0; }
.why { font-size: 13px; margin: 4px 0; }
a.source { font-size: 12px; font-weight: normal; margin-left: 6px; }
.why .reason { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
.plots { display: flex; flex-wrap: wrap; gap: 16px 32px; }
figure.plot { margin: 0; }
figure.plot svg text { font-size: 11px; fill: currentColor; }
figure.plot svg text.value { fill: var(--muted); }
figure.plot figcaption { font-size: 13px; color: var(--muted); }
.hidden { display: none !important; }
ul.warnings { list-style: none; padding: 0; margin: 0; }
ul.warnings li { background: var(--warn-bg); color: var(--warn); margin: 2px 0; padding: 3px 8px; border-radius: 3px; }
ul.warnings li b { font-weight: 600; margin-right: 6px; }
details.warning-group summary { cursor: pointer; margin: 4px 0; }
details.warning-group summary b { font-weight: 600; margin-right: 6px; color: var(--warn); }
tr.doc-row { cursor: pointer; }
tr.doc-row.flagged td:first-child { border-left: 3px solid #d9a400; }
article.doc { scroll-margin-top: 110px; border: 1px solid var(--line); border-radius: 6px; margin: 14px 0; padding: 6px 16px 10px; }
article.doc h3 { font-size: 15px; margin: 6px 0; word-break: break-all; }
article.doc .meta { color: var(--muted); font-size: 13px; margin-bottom: 6px; }
article.doc p { margin: 4px 0; max-width: 80ch; }
.rm { background: hsl(var(--h) 85% 90%); box-shadow: inset 0 -2px 0 hsl(var(--h) 55% 55%); color: #3d464f; cursor: pointer; border-radius: 2px; }
.rm::before { content: attr(data-label); font: 600 11px/1.2 ui-monospace, "DejaVu Sans Mono", monospace; background: hsl(var(--h) 55% 38%); color: #fff; padding: 1px 4px; margin-right: 5px; border-radius: 3px; vertical-align: 1px; }
.rm.cont::before { content: none; }
.rm.partial { box-shadow: inset 0 -2px 0 hsl(var(--h) 55% 55%), 0 0 0 1px hsl(var(--h) 55% 55%); }
body.focus-rule .rm:not(.focus) { background: #f1f1f1; box-shadow: none; color: #8a939c; }
body.focus-rule .rm:not(.focus)::before { background: #b5bcc3; }
body.hide-removed .rm { display: none; }
body.hide-removed p.removed { display: none; }
#rule-info { position: fixed; right: 16px; bottom: 16px; width: 380px; max-width: calc(100vw - 32px); background: #fff; border: 1px solid var(--line); border-left: 6px solid hsl(var(--h) 55% 45%); border-radius: 6px; padding: 10px 14px; box-shadow: 0 4px 16px rgba(0,0,0,.15); z-index: 10; }
#rule-info h4 { margin: 0 0 4px; font: 600 14px ui-monospace, "DejaVu Sans Mono", monospace; }
#rule-info p { margin: 2px 0; font-size: 13px; }
#rule-info button { position: absolute; top: 6px; right: 8px; border: 0; background: none; font-size: 16px; cursor: pointer; }
`;
