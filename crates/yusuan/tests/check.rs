//! `yusuan check` as a reviewer runs it: exit status, the JSON contract, messages in both languages.

use std::process::Command;

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/changji-hrss-2024-budget.txt");

fn yusuan(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_yusuan")).args(args).output().expect("run yusuan");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn json_contract_and_exit_status_agree() {
    let (code, out, _) = yusuan(&["check", SEED, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let errors = v["summary"]["errors"].as_u64().unwrap();
    assert_eq!(code, if errors > 0 { 1 } else { 0 });
    // One file is a batch of one: the same shape as many.
    assert_eq!(v["version"], 1);
    let file = &v["files"][0];
    assert_eq!(file["path"], SEED);
    assert!(file["counts"]["figures"].as_u64().unwrap() > 500);
    assert!(file["counts"]["verified"].as_u64().unwrap() > 250);
    for f in file["findings"].as_array().unwrap() {
        for key in ["rule", "severity", "message", "line", "end_line"] {
            assert!(f.get(key).is_some(), "{key} missing in {f}");
        }
        assert!(["error", "warning", "info"].contains(&f["severity"].as_str().unwrap()));
    }
}

#[test]
fn a_changed_figure_is_an_error_at_its_line() {
    let text = std::fs::read_to_string(SEED).unwrap();
    // Table 3, 2080102: 合计 56.00 → 65.00 (its project column still says 56.00).
    let changed =
        text.replacen("208 01 02     一般行政管理事务 56.00 56.00", "208 01 02     一般行政管理事务 65.00 56.00", 1);
    assert_ne!(changed, text);
    let dir = std::env::temp_dir().join(format!("yusuan-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("changed.txt");
    std::fs::write(&file, changed).unwrap();
    let (code, out, _) = yusuan(&["check", file.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let at_line = v["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error" && f["line"] == 335)
        .count();
    assert!(at_line > 0, "{out}");
    let (_, human, _) = yusuan(&["check", file.to_str().unwrap()]);
    assert!(human.contains("错误["), "{human}");
    assert!(human.contains("  335 | 208 01 02"), "{human}");
    let (_, english, _) = yusuan(&["--lang", "en", "check", file.to_str().unwrap()]);
    assert!(english.contains("error["), "{english}");

    // Table 3's 总计 项目支出 602.00 → 612.00: its row (1,050.52 = 448.52 + 612.00) and the
    // narrative's 项目支出 602.00 both disagree with it, every other figure agrees: 602.00.
    let changed = text.replacen("总计 1,050.52 448.52 602.00", "总计 1,050.52 448.52 612.00", 1);
    assert_ne!(changed, text);
    std::fs::write(&file, changed).unwrap();
    let (_, out, _) = yusuan(&["check", file.to_str().unwrap(), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let suggested: Vec<_> = v["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f.get("suggestion"))
        .map(|s| (s["line"].as_u64(), s["column"].as_u64(), s["value"].as_str()))
        .collect();
    assert!(
        !suggested.is_empty() && suggested.iter().all(|s| *s == (Some(327), Some(20), Some("602.00"))),
        "{suggested:?}"
    );
    let (_, human, _) = yusuan(&["check", file.to_str().unwrap()]);
    assert!(human.contains("help: 应为 602.00\n  --> "), "{human}");
    let (_, english, _) = yusuan(&["--lang", "en", "check", file.to_str().unwrap()]);
    assert!(english.contains("help: should be 602.00\n"), "{english}");
    // The batch CSV carries it as columns.
    let (_, csv, _) = yusuan(&["check", file.to_str().unwrap(), SEED, "--format", "csv"]);
    assert!(csv.contains(",suggestion,suggestion_line,suggestion_column\r\n"), "{csv}");
    assert!(csv.contains(",602.00,327,20\r\n"), "{csv}");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn unreadable_input_exits_2_naming_the_file() {
    let (code, _, err) = yusuan(&["check", "/nonexistent/budget.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("/nonexistent/budget.txt") && err.contains("无法读取"), "{err}");
    let (code, _, err) = yusuan(&["--lang", "en", "check", "/nonexistent/budget.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"), "{err}");
}

#[test]
fn rules_reference_lists_every_rule_with_its_doc() {
    let (code, out, _) = yusuan(&["rules"]);
    assert_eq!(code, 0);
    for r in ["T001", "T002", "X001", "X002"] {
        assert!(out.contains(r), "{r}");
    }
    assert!(out.contains("Example") || out.contains("例"));
}

#[test]
fn stats_say_what_was_read_settled_and_verified() {
    let (_, out, _) = yusuan(&["check", SEED, "--stats"]);
    let table: Vec<Vec<&str>> = out
        .lines()
        .skip_while(|l| !l.ends_with("：数字统计"))
        .skip(1)
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(
        table,
        [
            ["读出的数字", "562"],
            ["栏目已确定", "546"],
            ["经勾稽核验", "559"],
            ["未能核验", "3"],
            ["无勾稽关系涉及", "3"]
        ],
        "{out}"
    );
    // A batch: one line per file.
    let (_, batch, _) = yusuan(&["check", SEED, SEED, "--stats"]);
    assert!(batch.contains("    数字 562，栏目已确定 546，经核验 559，未核验 3（无勾稽关系涉及3）\n"), "{batch}");
    let (_, json, _) = yusuan(&["check", SEED, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let c = &v["files"][0]["counts"];
    assert_eq!(
        (c["figures"].as_u64(), c["settled"].as_u64(), c["verified"].as_u64()),
        (Some(562), Some(546), Some(559))
    );
    assert_eq!(c["unverified"], 3);
    assert_eq!(c["why_unverified"], serde_json::json!({"no_identity": 3}));
}

/// What is not a disclosure to check says so: a blank template (tables without a figure) and a
/// text of figures about nothing a disclosure has.
#[test]
fn templates_and_figure_soup_are_not_disclosures() {
    let template = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/corpus/final-accounts-template.pdf");
    let (code, _, err) = yusuan(&["check", template]);
    assert_eq!(code, 2);
    assert!(err.contains("空白模板：9 张表都没有数字"), "{err}");
    let (_, json, _) = yusuan(&["check", template, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["files"][0]["reason_code"], "blank_template");

    let dir = std::env::temp_dir().join(format!("yusuan-soup-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let soup = dir.join("soup.txt");
    let text: String =
        (1..200).map(|i| format!("收入 {i}.{:02}万元，支出 {}.{:02}万元。\n", i % 100, i * 2, i % 97)).collect();
    std::fs::write(&soup, text).unwrap();
    let (code, _, err) = yusuan(&["--lang", "en", "check", soup.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("no disclosure found"), "{err}");
    std::fs::remove_dir_all(dir).ok();
}
