/// The console's stylesheet and script, compiled into the binary: the console needs no files
/// beside it and loads nothing from elsewhere. Colours are chosen for at least 4.5:1 contrast
/// with their background; sizes are in rem so the pages reflow at 200% zoom.
enum ConsoleAssets {
    static let stylesheet = #"""
    :root { --text: #1a1a1a; --muted: #4a4a4a; --line: #c8c8c8; --link: #0b4a8f; --focus: #0b4a8f;
      --ok-bg: #e4f3e7; --ok: #1b5e20; --wait-bg: #fdf0d5; --wait: #6d4300; --need-bg: #e3ecf8; --need: #123f78;
      --bad-bg: #fbe4e6; --bad: #8c0016; --grey-bg: #ececec; --grey: #3d3d3d; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: #fff; }
    a { color: var(--link); }
    a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible, main:focus-visible {
      outline: 3px solid var(--focus); outline-offset: 2px; }
    .skip { position: absolute; left: -100rem; top: 0; background: #fff; padding: .5rem 1rem; }
    .skip:focus { left: .5rem; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    header.top { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; padding: .75rem 1.25rem; border-bottom: 1px solid var(--line); background: #f6f7f9; }
    header.top .brand { font-weight: 700; text-decoration: none; color: var(--text); }
    header.top nav a { margin-right: 1rem; }
    header.top .who { margin-left: auto; display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
    header.top .who form { margin: 0; }
    .scopes { color: var(--muted); font-size: .875rem; }
    main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
    h1 { font-size: 1.6rem; margin: .5rem 0; }
    h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); }
    h3 { font-size: 1.1rem; margin: 1.25rem 0 .5rem; }
    h4 { font-size: .95rem; margin: 0 0 .25rem; text-transform: capitalize; }
    .meta, .owner, .none { color: var(--muted); }
    code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .875rem; }
    code.hash { word-break: break-all; }
    label { display: block; font-weight: 600; margin-bottom: .15rem; }
    input, select, button { font: inherit; }
    input, select { border: 1px solid #767676; border-radius: 4px; padding: .35rem .5rem; max-width: 100%; }
    button { border: 1px solid #0b4a8f; background: #0b4a8f; color: #fff; border-radius: 4px; padding: .4rem .9rem; cursor: pointer; }
    button.secondary { background: #fff; color: #0b4a8f; }
    button.danger { background: #8c0016; border-color: #8c0016; }
    form.search { display: flex; flex-wrap: wrap; gap: .75rem 1rem; align-items: flex-end; margin: 1rem 0; }
    form.sign-in { max-width: 28rem; display: grid; gap: .5rem; }
    form.version-picker, form.decision { display: flex; flex-wrap: wrap; gap: .5rem; align-items: flex-end; margin: .75rem 0; }
    form.version-picker label, form.decision label { width: 100%; }
    form.review { margin: .25rem 0; }
    form.review label { font-weight: 400; font-size: .875rem; }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
    th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--line); }
    thead th { background: #f6f7f9; }
    dl.fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: .25rem 1.5rem; margin: 0; }
    dl.fields div { padding: .25rem 0; border-bottom: 1px dotted var(--line); }
    dt { font-size: .85rem; color: var(--muted); }
    dd { margin: 0; overflow-wrap: anywhere; }
    .badge { display: inline-block; font-size: .8rem; font-weight: 600; padding: .05rem .5rem; border-radius: 1rem; vertical-align: middle; }
    .badge.approved, .badge.accepted { background: var(--ok-bg); color: var(--ok); }
    .badge.pending { background: var(--wait-bg); color: var(--wait); }
    .badge.incomplete { background: var(--grey-bg); color: var(--grey); }
    .badge.rejected { background: var(--bad-bg); color: var(--bad); }
    .board { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: .75rem; }
    .board .list { border: 1px solid var(--line); border-top-width: 4px; border-radius: 4px; padding: .5rem .75rem; }
    .board .list ul { margin: 0; padding-left: 1.1rem; }
    .board .complete { border-top-color: var(--ok); }
    .board .pending { border-top-color: #8a5a00; }
    .board .required { border-top-color: var(--need); }
    .board .errors { border-top-color: var(--bad); }
    .detail { color: var(--bad); }
    figure.chart { margin: .75rem 0; max-width: 40rem; }
    figure.chart svg { width: 100%; height: auto; border: 1px solid var(--line); border-radius: 4px; }
    figcaption { font-size: .85rem; color: var(--muted); }
    details.explanation summary { cursor: pointer; font-weight: 600; }
    details.explanation p code { overflow-wrap: anywhere; }
    .notice, .banner, .problem { padding: .6rem .9rem; border-radius: 4px; margin: .75rem 0; }
    .notice.success { background: var(--ok-bg); color: var(--ok); }
    .notice.problem, .problem { background: var(--bad-bg); color: var(--bad); }
    .banner { background: var(--need-bg); color: var(--need); }
    ol.timeline { list-style: none; padding: 0; margin: 0; border-left: 3px solid var(--line); }
    ol.timeline li.event { margin: 0 0 .75rem; padding: .4rem .75rem; position: relative; }
    ol.timeline li.status-change { background: var(--wait-bg); border-left: 4px solid #8a5a00; }
    ol.timeline li.shown { outline: 2px solid var(--focus); }
    .event-head { display: flex; flex-wrap: wrap; gap: .25rem .75rem; align-items: baseline; }
    .event-head .version { font-weight: 700; }
    .event-head .type { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
    .event-head .flag { font-size: .8rem; font-weight: 700; color: var(--wait); text-transform: uppercase; }
    ul.changes { margin: .25rem 0 0; padding-left: 1.25rem; font-size: .9rem; overflow-wrap: anywhere; }
    ul.changes li.status { color: var(--wait); }
    nav.pages, nav.steps { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; }
    """#

    /// What script adds, also there without it: `[` and `]` follow the previous- and
    /// next-version links.
    static let script = #"""
    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.target.closest && event.target.closest("input, select, textarea, button")) return;
      var link = event.key === "[" ? document.getElementById("previous-version")
               : event.key === "]" ? document.getElementById("next-version") : null;
      if (link) { event.preventDefault(); link.click(); }
    });
    """#
}
