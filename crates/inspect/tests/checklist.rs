//! The checklist of the real seed: which parts are there and in order, which are not and why; and
//! of a copy with a table deleted.

use yusuan_checker::{check, Config};
use yusuan_inspect::{Checklist, Part};
use yusuan_model::Catalog;
use yusuan_readers::open::open;

const SEED: &str = include_str!("../../../fixtures/changji-hrss-2024-budget.txt");

fn checklist_of(text: &str) -> Checklist {
    let catalog = Catalog::shared_builtin();
    let opened = open("seed.txt", text.as_bytes(), catalog).expect("opens");
    let report = check(&opened.disclosure, &Config::default(), catalog);
    Checklist::build(&opened.disclosure, &report)
}

fn row(list: &Checklist, part: Part) -> (bool, bool, Vec<String>) {
    let item = list.item(part).unwrap_or_else(|| panic!("{part:?} missing from the checklist"));
    (item.present, item.complies, item.problems.clone())
}

#[test]
fn the_seed_checklist() {
    let list = checklist_of(SEED);
    let names: Vec<&str> = list.items.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(
        &names[..6],
        ["封面", "目录", "部门概况—主要职能", "部门概况—机构设置", "名词解释", "编制说明/情况说明"]
    );
    assert_eq!(&names[names.len() - 3..], ["其他相关说明", "项目情况", "绩效目标"]);
    // The tables a budget must publish (the registry's, as C001 asks), then the seed's others.
    let tables: Vec<&str> =
        list.items.iter().filter_map(|i| if let Part::Table(k) = i.part { Some(k) } else { None }).collect();
    let mut expected = yusuan_model::registry::required_tables(yusuan_model::table::DocumentKind::Budget).to_vec();
    expected.extend(["general_budget_project", "state_capital_expenditure", "carry_over"]);
    assert_eq!(tables, expected);

    // The seed is the text from 第一部分 on: no cover, no contents.
    assert_eq!(
        row(&list, Part::Cover),
        (false, false, vec!["未找到封面：正文之前没有单位名称或预算（决算）标题".to_string()])
    );
    assert_eq!(row(&list, Part::Contents), (false, false, vec!["未找到目录".to_string()]));
    for part in [Part::Duties, Part::Organisation, Part::Glossary, Part::Narrative, Part::Performance] {
        assert_eq!(row(&list, part), (true, true, vec![]), "{part:?}");
    }
    for kind in &tables {
        assert_eq!(row(&list, Part::Table(kind)), (true, true, vec![]), "{kind}");
    }
    // The two genuine slips, each under the part it is in.
    let (present, complies, problems) = row(&list, Part::Projects);
    assert!(present && !complies);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("第 1116 行：") && problems[0].ends_with("（应为 9，实为 3）"), "{}", problems[0]);
    let (present, complies, problems) = row(&list, Part::OtherNotes);
    assert!(present && !complies);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("第 1256 行：") && problems[0].ends_with("（应为 3，实为 2）"), "{}", problems[0]);

    assert!(!list.complies());
    assert_eq!(list.missing(), ["封面", "目录"]);
    let table1 = list.item(Part::Table("income_expense_summary")).unwrap();
    assert_eq!(table1.position.as_deref(), Some("第 52–120 行"));
    assert_eq!(list.item(Part::Glossary).unwrap().position.as_deref().map(|p| p.starts_with("第 31")), Some(true));
}

#[test]
fn a_deleted_table_is_missing() {
    // 表 10 财政拨款“三公”经费支出情况表 (lines 744–771) blanked: the lines keep their numbers.
    let text: String = SEED
        .split('\n')
        .enumerate()
        .map(|(i, l)| if (743..771).contains(&i) { "" } else { l })
        .collect::<Vec<_>>()
        .join("\n");
    let list = checklist_of(&text);
    assert_eq!(row(&list, Part::Table("three_public")), (false, false, vec!["缺少该表".to_string()]));
    assert!(list.item(Part::Table("three_public")).unwrap().position.is_none());
    assert!(row(&list, Part::Table("carry_over")).0);
    assert_eq!(list.missing(), ["封面", "目录", "财政拨款“三公”经费支出情况表"]);
}

#[test]
fn a_rebuilt_document_gives_pages_in_positions_and_problems() {
    use yusuan_model::origin::{LineOrigin, Place, SourceMap};
    let catalog = Catalog::shared_builtin();
    let mut opened = open("seed.txt", SEED.as_bytes(), catalog).unwrap();
    // As if every 60 lines were a page of a PDF.
    let lines = opened.disclosure.source_lines.len();
    opened.disclosure.source_map = Some(SourceMap {
        lines: (0..lines).map(|i| LineOrigin { place: Place::Page(i as u32 / 60 + 1), pieces: vec![] }).collect(),
    });
    let report = check(&opened.disclosure, &Config::default(), catalog);
    let list = Checklist::build(&opened.disclosure, &report);
    assert_eq!(
        list.item(Part::Table("income_expense_summary")).unwrap().position.as_deref(),
        Some("第 1 页，第 52–120 行")
    );
    let problem = &list.item(Part::Projects).unwrap().problems[0];
    assert!(problem.starts_with("第 1116 行（第 19 页）："), "{problem}");
}
