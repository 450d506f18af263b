//! `yusuan extract` on the seed, end to end: the whole JSON as a snapshot, so that any change to
//! the extracted model shows up in review as a diff of the snapshot.

use std::process::Command;

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/changji-hrss-2024-budget.txt");

fn extract(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_yusuan")).args(args).output().expect("run yusuan");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn seed_json() {
    let json = extract(&["extract", SEED, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(value["schema_version"], 1);
    insta::assert_snapshot!("seed_json", json);
}

#[test]
fn seed_text_in_both_languages() {
    let zh = extract(&["extract", SEED, "--format", "text"]);
    assert!(zh.starts_with("部门预算公开 · 昌吉回族自治州人力资源和社会保障服务中心 · 2024年\n"), "{zh}");
    let en = extract(&["--lang", "en", "extract", SEED, "--format", "text"]);
    assert!(en.starts_with("Department budget disclosure · "), "{en}");
}

/// A published PDF extracts as its text does: the 决算 of 上海市普陀区财政局, straight from the PDF.
#[test]
fn a_pdf_extracts() {
    let pdf = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/corpus/shpt-czj-2024-final.pdf");
    let json = extract(&["extract", pdf, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(value["document"], "final_accounts");
    let kinds: Vec<&str> =
        value["tables"].as_array().expect("tables").iter().filter_map(|t| t["kind"].as_str()).collect();
    assert_eq!(kinds.len(), 9, "{kinds:?}");
    assert!(kinds.contains(&"final_income"));
}

/// An empty file is no disclosure: exit 2 and the file named, in Chinese or English.
#[test]
fn an_empty_file_is_an_error() {
    let dir = std::env::temp_dir().join(format!("yusuan-extract-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, b"").expect("write");
    let out =
        Command::new(env!("CARGO_BIN_EXE_yusuan")).args(["--lang", "en", "extract"]).arg(&empty).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("empty.txt") && err.contains("empty"), "{err}");
    std::fs::remove_dir_all(dir).ok();
}

/// `--form FILE` adds a user's form before reading: its table is read with its columns; without
/// it, the document has no table. A form with a mistake is refused with its file and line.
#[test]
fn a_users_form_file_makes_its_table_readable() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../readers/tests/fixtures/user-form");
    let doc = format!("{fixtures}/county-expenditure.txt");
    let dir = std::env::temp_dir().join(format!("yusuan-form-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let form = dir.join("county.toml");
    std::fs::copy(format!("{fixtures}/county-expenditure.toml"), &form).expect("copy form");
    let form = form.to_str().expect("UTF-8 path");

    let kinds = |json: &str| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(json).expect("valid JSON");
        v["tables"].as_array().expect("tables").iter().filter_map(|t| t["kind"].as_str().map(String::from)).collect()
    };
    // Without the form nothing in the document is a table: it is refused as no disclosure, or
    // read without tables.
    let without = Command::new(env!("CARGO_BIN_EXE_yusuan")).args(["extract", &doc]).output().expect("run yusuan");
    let stdout = String::from_utf8_lossy(&without.stdout);
    assert!(without.status.code() == Some(2) || kinds(&stdout).is_empty(), "{stdout}");
    let with = extract(&["extract", &doc, "--form", form]);
    assert_eq!(kinds(&with), ["county_expenditure"]);
    let v: serde_json::Value = serde_json::from_str(&with).expect("valid JSON");
    assert_eq!(v["tables"][0]["rows"][4]["assignment"]["columns"], serde_json::json!([0, 2]), "{with}");

    let bad = dir.join("bad.toml");
    let text = std::fs::read_to_string(form).expect("form").replace(
        "{ total = \"total\", parts = [\"basic\", \"project\"] }",
        "{ total = \"total\", parts = [\"basic\", \"projects\"] }",
    );
    std::fs::write(&bad, text).expect("write");
    for (lang, words) in [("zh", "未声明的列 projects"), ("en", "undeclared column projects")] {
        let out = Command::new(env!("CARGO_BIN_EXE_yusuan"))
            .args(["--lang", lang, "check", &doc, "--form", bad.to_str().expect("path")])
            .output()
            .expect("run yusuan");
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("bad.toml:10:") && err.contains(words), "{err}");
    }
    std::fs::remove_dir_all(&dir).ok();
}
