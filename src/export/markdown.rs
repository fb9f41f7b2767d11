//! Markdown for pasting into an article: a table per tab in one language, each
//! figure and date citing its document and line as a footnote.

use std::collections::HashMap;
use std::io::{self, Write};

use crate::data::{Dataset, Kind, Lang, Point, Record};

/// One table: its heading and header row.
struct Table {
    title: [&'static str; 2],
    header: [&'static [&'static str]; 2],
    rows: Vec<Vec<String>>,
}

impl Table {
    fn new(title: [&'static str; 2], header: [&'static [&'static str]; 2]) -> Table {
        Table { title, header, rows: Vec::new() }
    }
}

/// The footnotes, numbered in the order they are first cited.
#[derive(Default)]
struct Notes<'a> {
    numbers: HashMap<(&'a str, u32), usize>,
    order: Vec<(&'a str, u32)>,
}

impl<'a> Notes<'a> {
    /// The reference to the footnote of `source` at `line`.
    fn cite(&mut self, source: &'a str, line: u32) -> String {
        let next = self.order.len() + 1;
        let n = *self.numbers.entry((source, line)).or_insert_with(|| {
            self.order.push((source, line));
            next
        });
        format!("[^{n}]")
    }
}

pub(super) fn write(data: &Dataset, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let figures = [&["指标", "年份", "数值", "说明", "出处"][..], &["Indicator", "Year", "Figure", "Note", "Source"]];
    let mut tables = [
        Table::new(["产业", "Industry"], figures),
        Table::new(["生态", "Ecology"], figures),
        Table::new(
            ["政策", "Policy timeline"],
            [&["事件", "日期", "类别", "出处"], &["Event", "Date", "Category", "Source"]],
        ),
        Table::new(
            ["民生", "Livelihood"],
            [&["清单", "项目", "年份", "数值", "说明", "出处"], &["List", "Item", "Year", "Figure", "Note", "Source"]],
        ),
        Table::new(
            ["来源", "Sources"],
            [&["编号", "标题", "发布", "日期", "文件"], &["Id", "Title", "Publisher", "Date", "File"]],
        ),
    ];
    let mut notes = Notes::default();
    let mut last_list = None;
    for record in data.records() {
        // A record's name, and a list's, on its first row only.
        let name = cell(record.name().get(lang));
        let first = |k: usize, text: &String| if k == 0 { text.clone() } else { String::new() };
        match record {
            Record::Indicator(ind, ecology) => {
                let disagree = pick(lang, ["来源不一致：", "Sources disagree: "]);
                let disagreement = ind.disagreement.as_ref().map(|d| format!("{disagree}{}", d.get(lang)));
                for (k, p) in ind.points.iter().enumerate() {
                    let own = p.note.as_ref().map(|n| n.get(lang).to_owned());
                    let note: Vec<String> = own.into_iter().chain(disagreement.clone().filter(|_| k == 0)).collect();
                    let cite = notes.cite(&p.source, p.line);
                    let row = vec![first(k, &name), cell(&p.when(lang)), figure(p, lang), cell(&note.join(" ")), cite];
                    tables[usize::from(ecology)].rows.push(row);
                }
            }
            Record::Event(e) => {
                for (k, d) in e.dates.iter().enumerate() {
                    let category = cell(e.category.label(lang));
                    tables[2].rows.push(vec![
                        first(k, &name),
                        cell(&d.display(lang)),
                        category,
                        notes.cite(&d.source, d.line),
                    ]);
                }
            }
            Record::Item(list, item) => {
                let new_list = last_list != Some(&*list.id);
                last_list = Some(&*list.id);
                let list_name = if new_list { cell(list.name.get(lang)) } else { String::new() };
                if item.points.is_empty() {
                    let since = item.since.map(|y| pick(lang, [format!("{y}年起"), format!("since {y}")]));
                    let cite = notes.cite(&item.source, item.line);
                    let row = vec![list_name, name, since.unwrap_or_default(), String::new(), String::new(), cite];
                    tables[3].rows.push(row);
                    continue;
                }
                for (k, p) in item.points.iter().enumerate() {
                    let note = cell(p.note.as_ref().map_or("", |n| n.get(lang)));
                    let cite = notes.cite(&p.source, p.line);
                    let (when, shown) = (cell(&p.when(lang)), figure(p, lang));
                    tables[3].rows.push(vec![first(k, &list_name), first(k, &name), when, shown, note, cite]);
                }
            }
            Record::Source(s) => {
                let date = s.date.to_string();
                let row = [&*s.id, s.title.get(lang), s.publisher.get(lang), &date, &s.file];
                tables[4].rows.push(row.iter().map(|c| cell(c)).collect());
            }
            Record::List(_) => {}
        }
    }
    let mut first = true;
    for table in tables.iter().filter(|t| !t.rows.is_empty()) {
        if !first {
            writeln!(out)?;
        }
        first = false;
        writeln!(out, "## {}\n", pick(lang, table.title))?;
        let header = pick(lang, table.header);
        writeln!(out, "| {} |", header.join(" | "))?;
        writeln!(out, "|{}", "---|".repeat(header.len()))?;
        for row in &table.rows {
            writeln!(out, "| {} |", row.join(" | "))?;
        }
    }
    if !notes.order.is_empty() {
        writeln!(out)?;
    }
    for (n, &(source, line)) in notes.order.iter().enumerate() {
        writeln!(out, "[^{}]: {}", n + 1, citation(data, source, line, lang))?;
    }
    Ok(())
}

/// The figure as a reader of `lang` reads it, marked when we computed it.
fn figure(p: &Point, lang: Lang) -> String {
    let shown = p.display(lang);
    match p.kind {
        Kind::Computed => cell(&pick(lang, [format!("{shown}（推算）"), format!("{shown} (computed)")])),
        Kind::Reported => cell(&shown),
    }
}

/// A footnote: the document, its publisher and date, the line, the file.
fn citation(data: &Dataset, source: &str, line: u32, lang: Lang) -> String {
    let Some(s) = data.source(source) else {
        return cell(&pick(lang, [format!("{source} 第{line}行"), format!("{source}, line {line}")]));
    };
    let (title, publisher, date, file) = (s.title.get(lang), s.publisher.get(lang), s.date, &s.file);
    cell(&pick(
        lang,
        [
            format!("《{title}》，{publisher}，{date}，第{line}行（{source}，{file}）"),
            format!("“{title}”, {publisher}, {date}, line {line} ({source}, {file})"),
        ],
    ))
}

/// `s` safe inside a table cell or a footnote: a pipe would end the cell and a
/// newline the row, and Markdown's own marks would format what is plain text.
fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev = ' ';
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        // An underscore inside a word cannot start or end emphasis: file names keep theirs.
        let in_word = prev.is_alphanumeric() && chars.peek().is_some_and(|n| n.is_alphanumeric());
        prev = c;
        match c {
            '_' if in_word => out.push(c),
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

fn pick<T>(lang: Lang, [zh, en]: [T; 2]) -> T {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_escape_what_would_break_a_table_or_format_text() {
        assert_eq!(cell("a|b"), r"a\|b");
        assert_eq!(cell("one\ntwo\r\nthree"), "one<br>two<br>three");
        assert_eq!(cell(r"*x* _y_ `z` [l] <b> \"), r"\*x\* \_y\_ \`z\` \[l\] &lt;b> \\");
        assert_eq!(cell("柳州 · 18.7万辆"), "柳州 · 18.7万辆");
        assert_eq!(cell("002_3ddb.txt _x_"), r"002_3ddb.txt \_x\_");
    }

    #[test]
    fn footnotes_are_numbered_by_first_citation_and_shared() {
        let mut notes = Notes::default();
        assert_eq!(notes.cite("d002", 27), "[^1]");
        assert_eq!(notes.cite("d000", 29), "[^2]");
        assert_eq!(notes.cite("d002", 27), "[^1]");
        assert_eq!(notes.order, [("d002", 27), ("d000", 29)]);
    }
}
