//! Trends: every indicator with figures for two or more years, one row each: its
//! first and last figure, the change, and a sparkline as wide as the row allows.
//!
//! A percent change is shown for amounts only. A rank is a place, not a quantity: its
//! change is in places, and its sparkline is drawn upside down so that up means
//! better. A rate or share already in % changes by percentage points, and a percent of
//! a percent misleads. A score (分) or class has no true zero, so a ratio of two says
//! nothing.

use std::cell::OnceCell;
use std::cmp::Ordering;

use pinyin::ToPinyin;
use ratatui::text::{Line, Span};

use super::{Ctx, Rows, Target};
use crate::compare::{RANK, series};
use crate::data::{Dataset, Indicator, Kind, Lang, Point, Qualifier};
use crate::text;
use crate::tui::i18n::{Label, Message, pick};
use crate::tui::widgets::chart::spark_spans;

/// How the list is ordered; `s` moves to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Name,
    /// Largest percent rise first; rows without a percent follow, most improved first.
    Change,
    /// Latest last year first.
    Latest,
}

impl Sort {
    pub fn next(self) -> Sort {
        match self {
            Sort::Name => Sort::Change,
            Sort::Change => Sort::Latest,
            Sort::Latest => Sort::Name,
        }
    }

    fn label(self) -> Label {
        match self {
            Sort::Name => Label::SortName,
            Sort::Change => Label::SortChange,
            Sort::Latest => Label::SortLatest,
        }
    }
}

/// The indicators the tab lists, in the current order, and its columns' widths.
pub struct Trends {
    items: Vec<Item>,
    pub sort: Sort,
    /// Widest name, first figure, last figure, change, and change with its noun, in
    /// Chinese and in English: measured when first drawn, since writing every figure
    /// of a large dataset takes a while and start-up should not wait for a tab that
    /// may never be opened.
    widths: [OnceCell<[usize; 5]>; 2],
}

struct Item {
    target: Target,
    last_year: i32,
    change: Change,
    /// Its place in the order of names, in Chinese (by pinyin) and in English: found
    /// once, as a large dataset takes a while to spell in pinyin, and kept as a place
    /// rather than as the spelling, which would hold a copy of every name.
    name_rank: [u32; 2],
}

/// How the last figure differs from the first.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Change {
    /// An amount: the difference, and the percent where it means something.
    Amount(f64, Option<f64>),
    /// A rate or share: the difference in percentage points.
    Points(f64),
    /// A rank: places gained (a smaller number is a better place).
    Places(f64),
}

impl Trends {
    pub fn new(data: &Dataset, lang: Lang) -> Trends {
        let industry = data.industry.iter().enumerate().map(|(i, ind)| (Target::Industry(i), ind));
        let ecology = data.ecology.iter().enumerate().map(|(i, ind)| (Target::Ecology(i), ind));
        // Room for every indicator up front, given back once the list is known: grown
        // by doubling, a large dataset's list would be copied, old and new held at once.
        let most = data.industry.len() + data.ecology.len();
        let (mut items, mut names) = (Vec::with_capacity(most), Vec::with_capacity(most));
        for (target, ind) in industry.chain(ecology).filter(|(_, ind)| two_years(ind)) {
            let s = series(ind);
            let (Some(first), Some(last)) = (s.first(), s.last()) else { continue };
            if s.len() < 2 {
                continue;
            }
            let last_year = last.year.unwrap_or_default();
            items.push(Item { target, last_year, change: change(first, last), name_rank: [0; 2] });
            names.push(&ind.name);
        }
        items.shrink_to_fit();
        for l in 0..2 {
            // Every name spelt for sorting, one after another in one string: a string a
            // name would cost an allocation each.
            let mut spelt = String::new();
            let mut ends = Vec::with_capacity(names.len());
            for name in &names {
                match l {
                    0 => name.zh().chars().for_each(|c| match c.to_pinyin() {
                        Some(p) => spelt.push_str(p.plain()),
                        None => spelt.push(c),
                    }),
                    _ => spelt.extend(name.en().chars().flat_map(char::to_lowercase)),
                }
                ends.push(spelt.len());
            }
            let key = |i: usize| &spelt[i.checked_sub(1).map_or(0, |j| ends[j])..ends[i]];
            let mut order: Vec<usize> = (0..items.len()).collect();
            order.sort_by(|&a, &b| key(a).cmp(key(b)));
            for (rank, i) in order.into_iter().enumerate() {
                items[i].name_rank[l] = rank as u32;
            }
        }
        let mut trends = Trends { items, sort: Sort::Name, widths: Default::default() };
        trends.order(lang);
        trends
    }

    /// Puts the items in the order of `self.sort`; names sort in `lang` (Chinese by pinyin).
    pub fn order(&mut self, lang: Lang) {
        let l = pick(lang, [0, 1]);
        let has_percent = |c: Change| matches!(c, Change::Amount(_, Some(_)));
        let sort = self.sort;
        self.items.sort_by(|a, b| {
            let by = match sort {
                Sort::Name => Ordering::Equal,
                Sort::Change => has_percent(b.change)
                    .cmp(&has_percent(a.change))
                    .then(change_key(b.change).total_cmp(&change_key(a.change))),
                Sort::Latest => b.last_year.cmp(&a.last_year),
            };
            by.then_with(|| a.name_rank[l].cmp(&b.name_rank[l]))
        });
    }

    pub fn rows(&self) -> Rows {
        let mut rows = Rows::with_capacity(0, self.items.len());
        for item in &self.items {
            rows.push(super::Row::Entry(item.target));
        }
        rows
    }

    /// The list's title: the tab and its order.
    pub fn title(&self, lang: Lang) -> String {
        format!(" {} · {} ", Label::TrendsTab.get(lang), self.sort.label().get(lang))
    }

    fn widths(&self, data: &Dataset, lang: Lang) -> [usize; 5] {
        *pick(lang, [&self.widths[0], &self.widths[1]]).get_or_init(|| {
            let mut widths = [0; 5];
            for ind in self.items.iter().filter_map(|item| item.target.indicator(data)) {
                let s = series(ind);
                let (Some(first), Some(last)) = (s.first(), s.last()) else { continue };
                let [a, b, c, d] = cells(first, last, lang);
                for (w, cell) in widths.iter_mut().zip([ind.name.get(lang), &a, &b, &c, &d]) {
                    *w = (*w).max(text::width(cell));
                }
            }
            widths
        })
    }

    /// A row: name, first and last figure with their years, change, sparkline. Narrow
    /// rows drop the first figure, then the change, then the last figure (the last
    /// figure before the change when sorted by change: the order is then the change's),
    /// so that the name and a sparkline always show. Without the last figure, the change
    /// says the noun the last figure would have said, where there is room.
    pub fn line(&self, target: Target, cx: &Ctx, width: usize) -> Line<'static> {
        let Some(ind) = target.indicator(cx.data) else { return Line::default() };
        let s = series(ind);
        let (Some(first), Some(last)) = (s.first(), s.last()) else { return Line::default() };
        let lang = cx.lang;
        let [widest_name, first_w, last_w, change_w, noun_w] = self.widths(cx.data, lang);
        let spark_min = s.len().max(4) + 1;
        // A name cut to less than this says too little to be worth the figures.
        let name_min = widest_name.min((width / 5).max(8));
        let [first_s, last_s, change_s, noun_s] = cells(first, last, lang);
        // In reading order: first figure, last figure, change.
        let mut cols = [
            (first_s, first_w, cx.theme.kind(first.kind == Kind::Computed)),
            (last_s, last_w, cx.theme.kind(last.kind == Kind::Computed)),
            (change_s, change_w, cx.theme.figure),
        ];
        let mut shown = [true; 3];
        let used = |cols: &[(String, usize, _); 3], shown: &[bool; 3]| -> usize {
            cols.iter().zip(shown).filter(|(_, s)| **s).map(|((_, w, _), _)| w + 1).sum()
        };
        let drops = if self.sort == Sort::Change { [0, 1, 2] } else { [0, 2, 1] };
        for drop in drops {
            if used(&cols, &shown) + name_min + spark_min < width {
                break;
            }
            shown[drop] = false;
        }
        if shown == [false, false, true] && used(&cols, &shown) + noun_w - change_w + name_min + spark_min < width {
            cols[2] = (noun_s, noun_w, cx.theme.figure);
        }
        let fixed: usize = used(&cols, &shown);
        // Every row's name column is as wide, so the figures and sparklines line up.
        let name_w = widest_name.min(width.saturating_sub(fixed + 1 + spark_min));
        let mut spans = vec![Span::raw(format!(" {}", text::pad(ind.name.get(lang), name_w)))];
        for ((cell, w, style), _) in cols.into_iter().zip(shown).filter(|(_, s)| *s) {
            spans.push(Span::styled(format!(" {}", text::pad_left(&cell, w)), style));
        }
        let spark_w = width.saturating_sub(1 + name_w + fixed + 1);
        let rank = first.unit == RANK;
        let values: Vec<(f64, bool)> =
            s.iter().map(|p| (if rank { -p.value } else { p.value }, p.kind == Kind::Computed)).collect();
        spans.push(Span::raw(" "));
        spans.extend(spark_spans(&values, spark_w, cx.theme));
        Line::from(spans)
    }
}

/// True when the indicator has figures for two different years: checked before
/// `series`, which most indicators of a large dataset would not pass.
fn two_years(ind: &Indicator) -> bool {
    let mut years = ind.points.iter().filter_map(|p| p.year);
    let first = years.next();
    years.any(|y| Some(y) != first)
}

/// "2019 6.27万辆": a year and its figure.
fn figure(p: &Point, lang: Lang) -> String {
    format!("{} {}", p.year.unwrap_or_default(), p.display(lang))
}

/// The first figure, the last, the change, and the change for a row without the last
/// figure. In English the last figure's noun ("vehicles", "yuan") is not repeated in
/// the first and the change: it would take the room the name needs; the fourth says it.
fn cells(first: &Point, last: &Point, lang: Lang) -> [String; 4] {
    let last_s = figure(last, lang);
    let noun = match last_s.rsplit_once(' ') {
        Some((_, noun)) if lang == Lang::En && noun.chars().all(char::is_alphabetic) => format!(" {noun}"),
        _ => String::new(),
    };
    let bare = |s: String| match s.strip_suffix(noun.as_str()) {
        Some(b) if !noun.is_empty() => b.to_owned(),
        _ => s,
    };
    let c = change(first, last);
    let amount = match c {
        Change::Amount(d, _) => {
            // The change is a number: the last figure's words (第一, 六成) are not it.
            let mut diff = Point { value: d, qualifier: Qualifier::Exact, ..last.clone() };
            if let Some(w) = diff.wording.as_deref_mut() {
                w.as_written = None;
            }
            Some(signed(diff.display(lang), d))
        }
        _ => None,
    };
    let change = change_text(c, amount.clone().map(bare), lang);
    [bare(figure(first, lang)), last_s, change, change_text(c, amount, lang)]
}

fn signed(s: String, d: f64) -> String {
    if d > 0.0 { format!("+{s}") } else { s }
}

fn change(first: &Point, last: &Point) -> Change {
    let diff = last.value - first.value;
    match &*first.unit {
        RANK => Change::Places(-diff),
        "%" | "个百分点" => Change::Points(diff),
        "分" | "类" | "份额" => Change::Amount(diff, None),
        _ => Change::Amount(diff, (first.value > 0.0).then(|| diff / first.value * 100.0)),
    }
}

/// What the Change sort orders by: percent where there is one, else improvement.
fn change_key(c: Change) -> f64 {
    match c {
        Change::Amount(_, Some(pct)) => pct,
        Change::Amount(d, None) | Change::Points(d) | Change::Places(d) => d,
    }
}

/// The change as text; `amount` is an amount's difference, already written.
fn change_text(c: Change, amount: Option<String>, lang: Lang) -> String {
    match (c, amount) {
        (Change::Amount(_, Some(p)), Some(amount)) => {
            format!("{amount} {}", signed(format!("{}%", crate::data::number(p.round(), true)), p))
        }
        (Change::Points(d), _) => Message::PercentPoints(&signed(crate::data::number(d, true), d)).get(lang),
        (Change::Places(d), _) => Message::Places(d as i64).get(lang),
        (_, amount) => amount.unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change_of(id: &str) -> Change {
        let data = crate::embedded().unwrap();
        let ind = data.industry.iter().chain(&data.ecology).find(|i| i.id == id).unwrap();
        let s = series(ind);
        change(s[0], s[s.len() - 1])
    }

    #[test]
    fn a_percent_is_given_for_amounts_only() {
        assert!(
            matches!(change_of("nev-output"), Change::Amount(d, Some(p)) if (d - 60.43).abs() < 1e-9 && p.round() == 964.0)
        );
        assert!(matches!(change_of("mfg-quality-index"), Change::Amount(_, None)), "a score has no true zero");
        assert!(matches!(change_of("nev-growth"), Change::Points(d) if (d + 159.6).abs() < 1e-9));
        assert_eq!(change_of("water-surface-rank"), Change::Places(1.0), "No. 2 to No. 1 gains a place");
    }

    #[test]
    fn english_says_the_unit_once_per_row() {
        let data = crate::embedded().unwrap();
        let s = series(data.industry.iter().find(|i| &*i.id == "nev-output").unwrap());
        let row = cells(s[0], s[s.len() - 1], Lang::En);
        assert_eq!(row, ["2019 62,700", "2022 667,000 vehicles", "+604,300 +964%", "+604,300 vehicles +964%"]);
        let row = cells(s[0], s[s.len() - 1], Lang::Zh);
        assert_eq!(row, ["2019 6.27万辆", "2022 66.7万辆", "+60.43万辆 +964%", "+60.43万辆 +964%"]);
    }
}
