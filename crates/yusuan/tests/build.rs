//! `yusuan build` as a finance officer runs it.

use std::process::Command;

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/changji-hrss-2024/budget.toml");

fn yusuan(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_yusuan")).args(args).output().expect("run yusuan");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn builds_the_example_and_the_result_checks_clean() {
    let dir = std::env::temp_dir().join(format!("yusuan-build-{}", std::process::id()));
    let (code, _, err) = yusuan(&["build", EXAMPLE, "--out", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    for f in ["disclosure.json", "disclosure.txt", "disclosure.html"] {
        assert!(dir.join(f).exists(), "{f}");
    }
    let txt = dir.join("disclosure.txt");
    let (code, out, _) = yusuan(&["check", txt.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["summary"]["errors"], 0);
    assert_eq!(v["summary"]["warnings"], 0);
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn bad_data_names_file_line_and_field() {
    let dir = std::env::temp_dir().join(format!("yusuan-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string(EXAMPLE).unwrap().replacen("econ = \"30101\"", "econ = \"301x1\"", 1);
    let bad = dir.join("bad.toml");
    std::fs::write(&bad, text).unwrap();
    let (code, _, err) = yusuan(&["build", bad.to_str().unwrap(), "--out", dir.join("o").to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("bad.toml 第") && err.contains("[econ]"), "{err}");
    let (_, _, err) =
        yusuan(&["--lang", "en", "build", bad.to_str().unwrap(), "--out", dir.join("o").to_str().unwrap()]);
    assert!(err.contains("bad.toml:") && err.contains("[econ]") && err.contains("should be"), "{err}");
    std::fs::remove_dir_all(dir).ok();
}

/// `--form`: a shipped form by id, a form file, an unknown name; the built package is read back
/// in its form and checks clean; money the form has no column for stops the build, writing
/// nothing.
#[test]
fn builds_in_a_named_form() {
    let dir = std::env::temp_dir().join(format!("yusuan-form-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // The Shanghai forms print no carry-over: the example's, as income of the year.
    let text = std::fs::read_to_string(EXAMPLE).unwrap().replace("carry_over_unit", "other_income");
    let data = dir.join("budget.toml");
    std::fs::write(&data, text).unwrap();
    let out = dir.join("unit");
    let (code, _, err) =
        yusuan(&["build", data.to_str().unwrap(), "--form", "shanghai-unit-budget", "--out", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let (code, json, _) = yusuan(&["extract", out.join("disclosure.txt").to_str().unwrap()]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["form"], "shanghai-unit-budget");
    assert_eq!(v["tables"][0]["title"]["value"], "预算单位财务收支预算总表");
    assert_eq!(v["tables"][0]["unit"], "yuan");
    let (code, out_json, _) = yusuan(&["check", out.join("disclosure.txt").to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{out_json}");

    // A user's form file: three national tables under the county's titles, in its order.
    let mine = r#"
id = "my-county-budget"
name = { zh = "某县部门预算", en = "A county's department budget" }
document = "budget"
scope = "department"
detection = ["某县部门预算"]
[[tables]]
kind = "expenditure_summary"
required = true
prints_as = "县级部门支出总表"
[[tables]]
kind = "income_expense_summary"
required = true
[[tables]]
kind = "three_public"
required = true
"#;
    let form_file = dir.join("my-county.toml");
    std::fs::write(&form_file, mine).unwrap();
    let (code, _, err) = yusuan(&[
        "build",
        data.to_str().unwrap(),
        "--form",
        form_file.to_str().unwrap(),
        "--out",
        dir.join("mine").to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let json = std::fs::read_to_string(dir.join("mine").join("disclosure.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["form"], "my-county-budget");
    let tables: Vec<(&str, &str)> = v["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["kind"].as_str().unwrap(), t["title"]["value"].as_str().unwrap()))
        .collect();
    assert_eq!(
        tables,
        [
            ("expenditure_summary", "县级部门支出总表"),
            ("income_expense_summary", "部门收支总体情况表"),
            ("three_public", "财政拨款“三公”经费支出情况表")
        ]
    );

    let (code, _, err) = yusuan(&["build", data.to_str().unwrap(), "--form", "no-such-form"]);
    assert_eq!(code, 2);
    assert!(err.contains("no-such-form") && err.contains("shanghai-unit-budget"), "{err}");

    // The example itself carries 105.00万元 over: refused, naming the table, nothing written.
    let refused = dir.join("refused");
    let (code, _, err) =
        yusuan(&["build", EXAMPLE, "--form", "shanghai-department-budget", "--out", refused.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("部门收入预算总表") && err.contains("105.00 万元"), "{err}");
    assert!(!refused.exists());
    std::fs::remove_dir_all(dir).ok();
}

/// `template` and `build` never replace a file the user changed, unless `--force`; yusuan's own
/// unchanged output is replaced freely.
#[test]
fn a_users_file_is_not_overwritten() {
    let dir = std::env::temp_dir().join(format!("yusuan-keep-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let book = dir.join("budget.xlsx");
    let book_s = book.to_str().unwrap();
    assert_eq!(yusuan(&["template", "--out", book_s]).0, 0);
    assert_eq!(yusuan(&["template", "--out", book_s]).0, 0, "its own unchanged output");
    let mut filled = std::fs::read(&book).unwrap();
    filled.extend_from_slice(b"filled");
    std::fs::write(&book, &filled).unwrap();
    let (code, _, err) = yusuan(&["template", "--out", book_s]);
    assert_eq!(code, 2);
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read(&book).unwrap(), filled, "the filled workbook is kept");
    assert_eq!(yusuan(&["template", "--out", book_s, "--force"]).0, 0);

    let out = dir.join("out");
    let out_s = out.to_str().unwrap();
    assert_eq!(yusuan(&["build", EXAMPLE, "--out", out_s]).0, 0);
    assert_eq!(yusuan(&["build", EXAMPLE, "--out", out_s]).0, 0, "a rebuild replaces its own files");
    std::fs::write(out.join("disclosure.txt"), "edited by hand").unwrap();
    let (code, _, err) = yusuan(&["build", EXAMPLE, "--out", out_s]);
    assert_eq!(code, 2);
    assert!(err.contains("disclosure.txt"), "{err}");
    assert_eq!(std::fs::read_to_string(out.join("disclosure.txt")).unwrap(), "edited by hand");
    assert_eq!(yusuan(&["build", EXAMPLE, "--out", out_s, "--force"]).0, 0);

    // A report over a file of the user's: refused before any file is read.
    let report = dir.join("report.json");
    std::fs::write(&report, "mine").unwrap();
    let txt = out.join("disclosure.txt");
    let (code, _, err) =
        yusuan(&["check", txt.to_str().unwrap(), "--format", "json", "--out", report.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(std::fs::read_to_string(&report).unwrap(), "mine");
    std::fs::remove_dir_all(dir).ok();
}

/// Files of another kind are named for what they are, whatever their names say.
#[test]
fn other_kinds_of_file_are_named_for_what_they_are() {
    let dir = std::env::temp_dir().join(format!("yusuan-kinds-{}", std::process::id()));
    let out = dir.join("out");
    assert_eq!(yusuan(&["build", EXAMPLE, "--out", out.to_str().unwrap()]).0, 0);
    let (_, _, err) = yusuan(&["check", out.join("disclosure.html").to_str().unwrap()]);
    assert!(err.contains("网页（HTML）"), "{err}");
    let (_, _, err) = yusuan(&["--lang", "en", "check", out.join("disclosure.json").to_str().unwrap()]);
    assert!(err.contains("a JSON file"), "{err}");
    // A workbook renamed .pdf is read as the workbook it is.
    let renamed = dir.join("disclosure.pdf");
    std::fs::copy(out.join("disclosure.xlsx"), &renamed).unwrap();
    let (code, out_json, err) = yusuan(&["check", renamed.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out_json).unwrap();
    assert_eq!(v["summary"]["errors"], 0);
    // A Word document renamed .pdf.
    let word = dir.join("word.pdf");
    std::fs::write(&word, b"PK\x03\x04....word/document.xml....").unwrap();
    let (_, _, err) = yusuan(&["check", word.to_str().unwrap()]);
    assert!(err.contains("Word"), "{err}");
    std::fs::remove_dir_all(dir).ok();
}
