//! A disclosure of any size, for the speed benchmark and the test that guards it: the seed with
//! sentences inserted under its income total, each a small amount, its share of that total, a
//! change and its rate, a third of the shares and a tenth of the rates misprinted. Thousands of
//! share identities then name the one total, each solving it to a wide interval (a small share
//! printed to 0.01% says little of its base): what made the blame ledger cubic (issue 10).

pub const SEED: &str = include_str!("../../../../fixtures/changji-hrss-2024-budget.txt");

const ANCHOR: &str = "部门收入预算 1,050.52万\n\n元，其中：\n";

const SUBJECTS: [&str; 8] = [
    "基本支出",
    "项目支出",
    "工资福利支出",
    "商品和服务支出",
    "对个人和家庭的补助",
    "社会保障和就业支出",
    "卫生健康支出",
    "住房保障支出",
];

/// The seed's figures (562) and about `extra` more, four to a sentence.
pub fn disclosure(extra: usize) -> String {
    let at = SEED.find(ANCHOR).map(|i| i + ANCHOR.len()).expect("the seed states its income total");
    // A fixed linear congruential sequence: the same text on every run, no dependency.
    let mut state: u64 = 12345;
    let mut next = |m: u64| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) % m
    };
    // Hundredths of 万元 and of a percent, rounded half up as a budget prints them.
    let base: u64 = 105_052;
    let cents = |v: u64| format!("{}.{:02}", v / 100, v % 100);
    let mut text = String::from(&SEED[..at]);
    for i in 0..extra / 4 {
        let amount = 10 + next(1990);
        let mut share = (amount * 20_000 + base) / (2 * base);
        let change = 1 + next(amount - 1);
        let prior = amount - change;
        let mut rate = (change * 20_000 + prior) / (2 * prior);
        if next(3) == 0 {
            share += 1;
        }
        if next(10) == 0 {
            rate += 11;
        }
        let subject = SUBJECTS[i % SUBJECTS.len()];
        text.push_str(&format!(
            "{subject} {}万元，占 {}%，比上年预算增加 {}万元，增长 {}%，主要原因是业务增加。\n",
            cents(amount),
            cents(share),
            cents(change),
            cents(rate)
        ));
    }
    text.push_str(&SEED[at..]);
    text
}
