//! The command line's help in Chinese, the default language (`--lang en`, or an English `LANG`,
//! keeps the English of the doc comments in `main.rs`). One table: a subcommand's or argument's
//! id and its Chinese words; a test keeps every id one that exists.

use clap::Command;

/// Subcommands: id, one-line about.
pub const ABOUTS: &[(&str, &str)] = &[
    ("check", "检查已公开的部门预算（决算）：报告每一个对不上的数字，指明所在行（PDF 为页与位置，Excel 为工作表与单元格）。多个文件或文件夹为批量检查。退出码：0 无错误，1 有错误，2 全部无法读取。"),
    ("rules", "列出全部检查规则：编号、名称、严重程度与说明。"),
    ("build", "由部门预算数据（yusuan template 生成的 Excel，或 TOML）生成整套公开文件：合计、占比、增减均由明细计算。写出 disclosure.json、.txt、.html、.xlsx（加 --formats …,pdf 写出 PDF）。"),
    ("template", "写出填报部门预算数据用的 Excel 模板：每类数据一张工作表，含表头、数据有效性和填写说明（“说明”工作表）。"),
    ("extract", "把已公开的部门预算（决算）读成结构化数据（JSON）或摘要（文本）。"),
];

/// Arguments: subcommand id (`""` for the top level), argument id, help.
pub const ARGS: &[(&str, &str, &str)] = &[
    ("", "lang", "提示语言：zh（默认）或 en"),
    ("check", "paths", "要检查的公开文件（PDF、Excel、任意编码的文本）或文件夹"),
    ("check", "format", "输出格式：human（逐条列出问题及所在行）、json（固定结构，见 docs/json.md）、csv（每条问题一行，带 BOM 供 Excel 打开）、checklist（检查表工作簿，需 --out）"),
    ("check", "verbose", "单个文件：另列出未能核验的数字和提示；批量：在每个文件下列出其错误和警告"),
    ("check", "stats", "每个文件：读出、栏目已确定、经核验、未能核验的数字个数及原因"),
    ("check", "catalog", "官方科目目录（CSV 或 XLSX），补充内置的部分目录"),
    ("check", "out", "把报告写入此文件而不是标准输出；--format checklist 时为要写的检查表（.xlsx）"),
    ("check", "max_size_mb", "超过此大小（MB）的文件不读取，报告为过大"),
    ("check", "jobs", "同时检查的文件数（默认每个核一个）"),
    ("check", "timeout", "批量：超过此秒数仍未读完、查完的文件报告为超时，其余继续（0 为不限）"),
    ("check", "forms", "格式文件（TOML，见 crates/model/forms/ 与 docs/CONTRIBUTING.md），在内置格式之外使用；可多次给出"),
    ("check", "force", "即使 --out 已存在且不是 yusuan 写出后未改动的文件，也覆盖"),
    ("build", "data", "预算数据文件：budget.xlsx（见 yusuan template）或 budget.toml（见 examples/changji-hrss-2024/budget.toml）"),
    ("build", "out", "写入的文件夹"),
    ("build", "formats", "要写的格式，逗号分隔：json、txt、html、xlsx、pdf"),
    ("build", "catalog", "官方科目目录（CSV 或 XLSX），补充内置的部分目录"),
    ("build", "form", "公开格式：内置格式的编号（national-budget、shanghai-department-budget、shanghai-unit-budget）或格式文件（TOML）"),
    ("build", "force", "即使生成的公开文件有错误也写出，并覆盖不是 yusuan 写出后未改动的文件"),
    ("template", "out", "要写的工作簿"),
    ("template", "example", "填入示例部门的数据（examples/changji-hrss-2024）"),
    ("template", "from", "填入一个 TOML 文件中的数据"),
    ("template", "force", "即使 --out 已存在且不是 yusuan 写出的模板（例如已填好的工作簿），也覆盖"),
    ("extract", "file", "公开文件"),
    ("extract", "format", "输出：json（结构化数据，字段名固定，金额为精确小数）或 text（摘要）"),
    ("extract", "catalog", "官方科目目录（CSV 或 XLSX），代替内置的部分目录"),
    ("extract", "forms", "格式文件（TOML），在内置格式之外使用；可多次给出"),
];

/// The command with its help in Chinese.
pub fn localize(mut cmd: Command) -> Command {
    for (sub, about) in ABOUTS {
        cmd = cmd.mut_subcommand(*sub, |s| s.about(*about).long_about(None));
    }
    for (sub, arg, help) in ARGS {
        if sub.is_empty() {
            cmd = cmd.mut_arg(*arg, |a| a.help(*help));
        } else {
            cmd = cmd.mut_subcommand(*sub, |s| s.mut_arg(*arg, |a| a.help(*help).long_help(None)));
        }
    }
    cmd
}
