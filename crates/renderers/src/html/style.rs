//! The one stylesheet, inline: A4 pages, a CJK serif stack, ruled tables whose header repeats
//! on every printed page, amounts right-aligned in tabular figures.

pub(super) const CSS: &str = r#"
@page { size: A4; margin: 16mm 12mm 16mm 12mm; }
html { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", SimSun, serif; font-size: 10.5pt; line-height: 1.6; color: #000; background: #fff; }
@page landscape { size: A4 landscape; }
body { margin: 0; }
.sheet, .cover { max-width: 186mm; margin: 0 auto; }
.sheet { break-before: page; page-break-before: always; }
.sheet.landscape { page: landscape; max-width: 273mm; }
@media screen { body { padding: 12mm 4mm; } .sheet { border-top: 1px dashed #999; margin-top: 12mm; padding-top: 8mm; } }
.cover { text-align: center; padding-top: 60mm; }
.cover h1 { font-size: 22pt; margin: 0 0 8mm; }
.cover p { font-size: 14pt; margin: 0; }
h2.part-title { font-size: 15pt; text-align: center; margin: 0 0 6mm; }
h3 { font-size: 12pt; margin: 5mm 0 2mm; }
h4 { font-size: 10.5pt; margin: 3mm 0 1mm; }
p { margin: 0 0 2mm; text-indent: 2em; text-align: justify; }
p.flush, .table-meta, .footnote, td p { text-indent: 0; }
.table-no { text-align: left; font-weight: bold; margin: 0; text-indent: 0; }
h2.table-title { font-size: 15pt; text-align: center; margin: 0 0 3mm; }
.table-meta { display: flex; justify-content: space-between; font-size: 9pt; margin-bottom: 1mm; }
table.grid { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 9pt; line-height: 1.35; }
table.grid.wide { font-size: 8pt; }
table.grid col.c-code { width: 2.6em; }
table.grid col.c-name { width: 40%; }
table.grid.sides { table-layout: auto; }
table.grid.sides col.c-name { width: auto; }
table.grid.wide col.c-code { width: 3em; }
table.grid.wide col.c-name { width: 19%; }
table.grid.wide col.c-project { width: 17%; }
table.grid.assets col.c-name { width: 40%; }
table.grid thead { display: table-header-group; }
table.grid tr { break-inside: avoid; page-break-inside: avoid; }
table.grid th, table.grid td { border: 0.5pt solid #000; padding: 1pt 2.5pt; }
table.grid th { font-weight: bold; text-align: center; vertical-align: middle; }
table.grid tr.numbering th { font-weight: normal; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.code { text-align: center; white-space: nowrap; }
td.unplaced { text-align: center; white-space: nowrap; font-style: italic; }
td.unplaced .v + .v { margin-left: 1.5em; }
td.empty-statement { text-align: center; padding: 6mm 4mm; }
tr.total td { font-weight: bold; }
table td.d1 { padding-left: 0.8em; } table td.d2 { padding-left: 1.6em; } table td.d3 { padding-left: 2.4em; }
table td.d4 { padding-left: 3.2em; } table td.d5 { padding-left: 4em; }
.mark { font-weight: bold; margin-left: 1pt; }
.footnote { font-size: 8.5pt; margin-top: 1mm; }
table.form { border-collapse: collapse; width: 100%; font-size: 9pt; line-height: 1.4; margin-bottom: 3mm; }
table.form th, table.form td { border: 0.5pt solid #000; padding: 2pt 3pt; vertical-align: middle; }
table.form th { font-weight: bold; text-align: center; }
table.form th.label, table.form col.c-label { width: 7.5em; }
table.form td p { margin: 0; }
p.centered { text-align: center; }
td.target { white-space: nowrap; }
td.qty { text-align: center; white-space: nowrap; }
table.form thead { display: table-header-group; }
table.form tr { break-inside: avoid; page-break-inside: avoid; }
dl.glossary dt { font-weight: bold; margin-top: 2mm; }
dl.glossary dd { margin: 0 0 0 2em; }
.signature { text-align: right; margin-top: 12mm; }
.signature p { text-indent: 0; text-align: right; }
"#;
