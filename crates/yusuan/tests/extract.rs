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
