/// The report page's style sheet, inline so that the file is whole on its own: no font, script or
/// picture is fetched from anywhere. Screen first, with print rules for paper.
enum HTMLStyle {
  static let css = """
    :root {
      --ink: #1a202c; --muted: #4a5568; --faint: #718096; --rule: #d9d6cc; --paper: #fbfaf7;
      --accent: #1d3557; --proposed: #2b6cb0; --progressing: #6b46c1; --signed: #2f855a;
      --suspended: #b7791f; --closed: #c53030; --meeting: #4a5568;
      --serif: "Iowan Old Style", "Palatino Linotype", Palatino, "Book Antiqua", Georgia, "DejaVu Serif", serif;
      --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif;
    }
    * { box-sizing: border-box; }
    html { background: var(--paper); color: var(--ink); }
    body { margin: 0 auto; max-width: 54rem; padding: 2.5rem 2rem 3rem; font: 16px/1.55 var(--serif);
      -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    h1, h2, h3, h4, .kicker, .meta, .badge, table, .status-line, .legend, .kind, figcaption, .colophon {
      font-family: var(--sans); }
    .masthead { border-top: 6px solid var(--accent); padding-top: 1rem; margin-bottom: 1.5rem; }
    .kicker { margin: 0; text-transform: uppercase; letter-spacing: 0.12em; font-size: 0.8rem;
      color: var(--accent); font-weight: 700; }
    h1 { margin: 0.2rem 0 0.3rem; font-size: 2.1rem; line-height: 1.15; }
    .meta { margin: 0; color: var(--muted); font-size: 0.9rem; }
    h2 { font-size: 1.45rem; margin: 0 0 0.4rem; line-height: 1.25; }
    h3 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.08em; color: var(--accent);
      margin: 1.6rem 0 0.5rem; border-bottom: 1px solid var(--rule); padding-bottom: 0.2rem; }
    h4 { font-size: 1rem; margin: 1rem 0 0.3rem; }
    a { color: var(--accent); }
    p { margin: 0.4rem 0; }
    ul, ol { margin: 0.3rem 0; padding-left: 1.3rem; }
    li { margin: 0.25rem 0; }
    time { font-family: var(--sans); font-size: 0.85em; color: var(--muted); white-space: nowrap;
      font-variant-numeric: tabular-nums; }
    code { font-size: 0.85em; color: var(--muted); }
    .summary { background: #fff; border: 1px solid var(--rule); border-radius: 6px; padding: 1.2rem 1.4rem 1rem; }
    .summary h3:first-of-type { margin-top: 0.8rem; }
    .figures { display: flex; gap: 1rem; margin: 0.2rem 0 0.6rem; flex-wrap: wrap; }
    .figure { flex: 1 1 9rem; border-left: 3px solid var(--accent); padding: 0.1rem 0.7rem; }
    .figure strong { display: block; font: 700 1.6rem/1.1 var(--sans); }
    .figure span { font: 0.8rem var(--sans); color: var(--muted); }
    table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
    th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--rule); }
    th { font-weight: 600; color: var(--muted); font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.05em; }
    td.number { text-align: right; font-variant-numeric: tabular-nums; }
    .changes { list-style: none; padding-left: 0; }
    .changes li { padding-left: 6.6rem; text-indent: -6.6rem; }
    .changes time { display: inline-block; width: 6.2rem; text-indent: 0; }
    .kind { display: inline-block; text-indent: 0; font-size: 0.68rem; text-transform: uppercase;
      letter-spacing: 0.06em; color: var(--faint); margin-right: 0.35rem; }
    .none { color: var(--muted); font-style: italic; }
    .negotiation { margin-top: 2.8rem; padding-top: 1.2rem; border-top: 3px double var(--rule); }
    .status-line { color: var(--muted); font-size: 0.9rem; margin: 0.2rem 0 0.5rem; }
    .badge { display: inline-block; padding: 0.05rem 0.5rem; border-radius: 999px; font-size: 0.75rem;
      font-weight: 600; color: #fff; background: var(--faint); vertical-align: 0.1em; white-space: nowrap; }
    .badge.unsigned { background: #975a16; }
    .badge.signed, .badge.cat-signed { background: var(--signed); }
    .badge.cat-proposed { background: var(--proposed); }
    .badge.cat-progressing { background: var(--progressing); }
    .badge.cat-suspended { background: var(--suspended); }
    .badge.cat-closed { background: var(--closed); }
    .badge.quiet { background: #fff; color: var(--muted); border: 1px solid var(--rule); }
    .participants { font-family: var(--sans); font-size: 0.9rem; }
    .tags { margin-top: 0.3rem; }
    .tag { font: 0.75rem var(--sans); color: var(--muted); border: 1px solid var(--rule); border-radius: 3px;
      padding: 0 0.35rem; margin-right: 0.25rem; }
    figure.timeline { margin: 1.2rem 0 0.4rem; background: #fff; border: 1px solid var(--rule);
      border-radius: 6px; padding: 0.6rem 0.6rem 0.3rem; }
    .timeline-scroll { overflow-x: auto; }
    svg.timeline { display: block; width: 100%; min-width: 760px; height: auto; font-family: var(--sans); }
    .legend { list-style: none; padding: 0; margin: 0.3rem 0 0; display: flex; flex-wrap: wrap;
      gap: 0.2rem 1rem; font-size: 0.72rem; color: var(--muted); }
    .legend li { margin: 0; }
    .swatch { display: inline-block; width: 0.7rem; height: 0.7rem; border-radius: 50%; margin-right: 0.3rem;
      vertical-align: -0.05em; border: 2px solid; }
    .swatch.meeting { border-radius: 1px; transform: rotate(45deg) scale(0.85); }
    .swatch.hollow { background: #fff; }
    .swatch.cat-proposed { border-color: var(--proposed); background: var(--proposed); }
    .swatch.cat-progressing { border-color: var(--progressing); background: var(--progressing); }
    .swatch.cat-signed { border-color: var(--signed); background: var(--signed); }
    .swatch.cat-suspended { border-color: var(--suspended); background: var(--suspended); }
    .swatch.cat-closed { border-color: var(--closed); background: var(--closed); }
    .swatch.cat-meeting { border-color: var(--meeting); background: var(--meeting); }
    .swatch.hollow.cat-proposed, .swatch.hollow.cat-closed { background: #fff; }
    .proposals { list-style: none; padding-left: 0; }
    .proposal { border-left: 3px solid var(--rule); padding: 0.1rem 0 0.2rem 0.8rem; margin: 0.7rem 0; }
    .proposal-head strong { font-family: var(--sans); }
    .facts, .terms { font-size: 0.92rem; color: var(--muted); }
    .steps { list-style: none; padding-left: 0; font-size: 0.92rem; }
    .steps time { display: inline-block; width: 6.2rem; }
    .step { font-family: var(--sans); font-weight: 600; font-size: 0.85rem; }
    .step.cat-proposed { color: var(--proposed); } .step.cat-progressing { color: var(--progressing); }
    .step.cat-signed { color: var(--signed); } .step.cat-suspended { color: var(--suspended); }
    .step.cat-closed { color: var(--closed); }
    .conditions .state { font-family: var(--sans); font-size: 0.85rem; color: var(--muted); }
    .links { font-size: 0.92rem; color: var(--muted); }
    .matrix-scroll { overflow-x: auto; }
    table.matrix { border-collapse: collapse; font-size: 0.8rem; margin: 0.4rem 0; }
    table.matrix th, table.matrix td { border: 1px solid var(--rule); padding: 0.25rem 0.45rem; text-align: left;
      vertical-align: top; }
    table.matrix thead th { font-weight: 600; white-space: nowrap; }
    table.matrix tbody th { font-weight: normal; max-width: 16rem; text-transform: none; letter-spacing: normal;
      font-size: 0.85rem; color: inherit; }
    table.matrix td.possible { font-style: italic; border-style: dashed; }
    .stance-ask { background: #e6eefa; } .stance-line { background: #f8dfc7; } .stance-yes { background: #dcefe3; }
    .stance-no { background: #f6d9d9; } .stance-gone { background: #ececec; color: var(--muted); }
    table.matrix td.stance-none { color: var(--muted); text-align: center; }
    .swatch.stance-ask, .swatch.stance-line, .swatch.stance-yes, .swatch.stance-no, .swatch.stance-gone,
      .swatch.stance-none { width: 0.9rem; height: 0.9rem; border-radius: 2px; border-color: var(--muted); }
    table.deadlines .deadline-missed td:last-child { color: var(--closed); font-weight: 600; }
    .note { color: var(--muted); font-style: italic; }
    blockquote { margin: 0.8rem 0; padding: 0.1rem 0 0.1rem 1rem; border-left: 3px solid var(--accent); }
    blockquote p { margin: 0; font-size: 1.05rem; }
    blockquote footer { font-size: 0.88rem; color: var(--muted); margin-top: 0.2rem; }
    sup.cite { font: 600 0.7rem var(--sans); line-height: 0; }
    sup.cite a { text-decoration: none; }
    .sources ol { font-size: 0.9rem; }
    .sources a { word-break: break-all; }
    .colophon { margin-top: 3rem; padding-top: 0.8rem; border-top: 1px solid var(--rule); font-size: 0.78rem;
      color: var(--muted); }
    @page { size: A4; margin: 16mm 15mm 18mm; }
    @media print {
      html { background: #fff; }
      body { max-width: none; padding: 0; font-size: 10.5pt; }
      .summary, figure.timeline { border-color: #bbb; }
      .timeline-scroll { overflow: visible; }
      svg.timeline { min-width: 0; }
      .negotiation { break-before: page; border-top: 0; margin-top: 0; padding-top: 0; }
      figure, blockquote, table, tr, .proposal, .conditions li, .colophon { break-inside: avoid; }
      h2, h3, h4 { break-after: avoid; }
      a { color: inherit; text-decoration: none; }
      .sources a::after { content: " (" attr(href) ")"; color: var(--muted); }
    }
    @media (max-width: 40rem) {
      body { padding: 1.2rem 1rem 2rem; }
      .changes li { padding-left: 0; text-indent: 0; }
    }
    """
}
