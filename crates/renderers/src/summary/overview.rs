//! Part 1 部门概况: how many duties, the organisation as declared and as listed, the staff.

use super::{heading, signed};
use crate::Lang;
use yusuan_model::overview::{Organisation, Overview, Staffing};

pub(super) fn render(out: &mut String, o: &Overview, lang: Lang) {
    heading(out, lang.pick("部门概况", "Overview"));
    out.push_str(&format!("{}{}\n", lang.pick("主要职能（条）：", "Duties: "), o.duties.len()));
    organisation(out, &o.organisation, lang);
    staffing(out, &o.staffing, lang);
}

fn organisation(out: &mut String, org: &Organisation, lang: Lang) {
    let label = lang.pick("下属预算单位：", "Subordinate budget units: ");
    if let Some(no) = &org.no_subordinate_units {
        out.push_str(&format!("{label}{}\n", no.value));
    } else {
        let declared = org.subordinate_unit_count.as_ref().map(|c| c.value);
        out.push_str(&format!("{label}{}\n", declared_listed(declared, &names(&org.subordinate_units), lang)));
    }
    let word = org.division_word.as_deref().unwrap_or(lang.pick("内设机构", "divisions"));
    let label = match lang {
        Lang::Zh => format!("内设机构（{word}）："),
        Lang::En => format!("Internal divisions ({word}): "),
    };
    let declared = org.division_count.as_ref().map(|c| c.value);
    out.push_str(&format!("{label}{}\n", declared_listed(declared, &names(&org.divisions), lang)));
}

fn names(list: &[yusuan_model::Spanned<String>]) -> Vec<&str> {
    list.iter().map(|s| s.value.as_str()).collect()
}

/// `声明 5 个，列出 5 个：综合科、…`: what the text says there are, and what it names.
fn declared_listed(declared: Option<u32>, listed: &[&str], lang: Lang) -> String {
    let declared = declared.map_or_else(|| lang.pick("未见", "not stated").to_string(), |n| n.to_string());
    let mut s = match lang {
        Lang::Zh => format!("声明 {declared} 个，列出 {} 个", listed.len()),
        Lang::En => format!("declared {declared}, listed {}", listed.len()),
    };
    if !listed.is_empty() {
        s.push_str(lang.pick("：", ": "));
        s.push_str(&listed.join("、"));
    }
    s
}

fn staffing(out: &mut String, s: &Staffing, lang: Lang) {
    let count = |c: Option<u32>| c.map_or_else(|| lang.pick("未见", "not stated").to_string(), |n| n.to_string());
    let mut line = match lang {
        Lang::Zh => format!(
            "人员：编制 {} 人，实有 {} 人",
            count(s.authorised.as_ref().map(|c| c.value)),
            count(s.actual.as_ref().map(|c| c.value))
        ),
        Lang::En => format!(
            "Staff: authorised {}, actual {}",
            count(s.authorised.as_ref().map(|c| c.value)),
            count(s.actual.as_ref().map(|c| c.value))
        ),
    };
    let parts: Vec<String> = s
        .parts
        .iter()
        .map(|p| {
            let change = p.change.as_ref().map(|c| match lang {
                Lang::Zh => format!("（比上年 {}）", signed(c.value)),
                Lang::En => format!(" ({} on last year)", signed(c.value)),
            });
            let unit = lang.pick(" 人", "");
            format!("{} {}{unit}{}", p.label.value, p.count.value, change.unwrap_or_default())
        })
        .collect();
    if !parts.is_empty() {
        line.push_str(lang.pick("；其中 ", "; of whom "));
        line.push_str(&parts.join(lang.pick("，", ", ")));
    }
    out.push_str(&line);
    out.push('\n');
}
