//! Adding a form is one data file: a form loaded from a user's file makes its table readable.
//! One test in its own binary, since adding a form changes the process-wide registry.

use yusuan_model::registry::{add_form, schema};
use yusuan_model::table::Assignment;
use yusuan_readers::text::read_str;

const FORM: &str = include_str!("fixtures/user-form/county-expenditure.toml");
const DOC: &str = include_str!("fixtures/user-form/county-expenditure.txt");

#[test]
fn a_table_of_a_users_form_is_read_once_the_form_is_loaded() {
    // Unknown: its title is no shipped table's, so nothing is read as a table.
    let before = read_str(DOC);
    assert!(before.tables.is_empty(), "{:?}", before.tables);

    let form = add_form(FORM).expect("the form loads");
    assert_eq!(form.id, "county-budget");
    let after = read_str(DOC);
    let [table] = after.tables.as_slice() else { panic!("one table: {:?}", after.tables) };
    assert_eq!(table.kind, "county_expenditure");
    let columns = &schema("county_expenditure").expect("declared").panels[0].columns;
    assert_eq!(columns[2].header, ["专项支出"]);
    // Every row settled, each figure in its column: 一般行政管理事务 100.00 is 专项支出 (index 2).
    assert!(table.rows.iter().all(|r| r.is_resolved()), "{:?}", table.rows);
    let item = table.rows.iter().find(|r| r.name.value.contains("一般行政管理事务")).expect("row");
    assert_eq!(item.assignment, Assignment::Resolved { columns: vec![0, 2] });
    let run = table.rows.iter().find(|r| r.name.value.contains("行政运行")).expect("row");
    assert_eq!(run.assignment, Assignment::Resolved { columns: vec![0, 1] });
}
