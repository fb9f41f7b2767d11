//! Text with figures or names in it, and the finder's query help: the part of
//! [`super`] that is built with `format!`.

use std::io;

use super::pick;
use crate::data::Lang;
use crate::docs::DocsError;
use crate::export::ExportError;
use crate::search::{Expected, QueryError};
use crate::text;

/// Text with figures or names in it.
#[derive(Debug, Clone, Copy)]
pub enum Message<'a> {
    /// The status line after `y`, with the copied text's first line.
    Copied(&'a str),
    /// The screen is below the smallest size drawn: (needs, has), each width × height.
    TooSmall {
        needs: (u16, u16),
        has: (u16, u16),
    },
    /// How many records the finder found; `more` when there may be more than `n`.
    Results {
        n: usize,
        more: bool,
    },
    /// A source's summary and the lines of it an indicator's figures come from.
    SourceLines {
        summary: &'a str,
        lines: &'a [u32],
    },
    /// A livelihood item's first year, in its table row and in its detail.
    SinceRow(i32),
    Since(i32),
    /// An event's date when its sources give different ones.
    DateDisputed(&'a str),
    /// How many figures and dates a source backs.
    Backs(usize),
    /// The title of the list of records citing a source: (source id, how many).
    Citing {
        id: &'a str,
        n: usize,
    },
    /// Why the source pane cannot show a document.
    NoDocument(&'a DocsError),
    /// A cited line of a whole document: the name of the first record citing it, and
    /// how many more do.
    CitedBy {
        name: &'a str,
        more: usize,
    },
    /// The export prompt's title: how many records, and what they are.
    ExportTitle {
        n: usize,
        what: &'a str,
    },
    /// The export prompt asking before it replaces a file.
    Replace(&'a str),
    /// The status line after an export: the file, how many records, and its
    /// directory (last, as a narrow status line cuts it).
    Exported {
        n: usize,
        name: &'a str,
        dir: &'a str,
    },
    /// Why an export was not written: the reason first, as a narrow status line cuts
    /// the end, then the path.
    ExportFailed(&'a ExportError),
    /// A change of a rate or share, in percentage points, signed.
    PercentPoints(&'a str),
    /// A rank's change: places gained (negative: lost).
    Places(i64),
    /// The comparison's chart in raw values, all in this unit.
    CompareRaw(&'a str),
    /// The status line: how many indicators are marked for comparing.
    Marked(usize),
    /// Space on a record that is not an indicator.
    MarkIndicatorsOnly,
    /// Space on an indicator with no figure for a year: it has nothing to chart.
    MarkNoYears,
    /// Space with the most indicators already marked.
    MarksFull(usize),
    /// `c` with nothing marked.
    MarkFirst,
    /// A query the search language cannot read.
    BadQuery(&'a QueryError),
}

impl Message<'_> {
    pub fn get(&self, lang: Lang) -> String {
        pick(lang, self.both())
    }

    fn both(&self) -> [String; 2] {
        match *self {
            Message::Copied(first) => [format!("已复制：{first}"), format!("Copied: {first}")],
            Message::TooSmall { needs: (nw, nh), has: (w, h) } => [
                format!("终端太小：至少需要 {nw}×{nh}，当前 {w}×{h}"),
                format!("Terminal too small: needs {nw}×{nh}, has {w}×{h}"),
            ],
            Message::Results { n, more } => {
                let plus = if more { "+" } else { "" };
                [
                    format!("{n}{plus} 项 · ↑↓ 选择 · Enter 跳转 · ? 语法 · Esc 返回"),
                    format!("{n}{plus} found · ↑↓ select · Enter jump · ? syntax · Esc back"),
                ]
            }
            Message::SourceLines { summary, lines } => {
                let lines: Vec<String> = lines.iter().map(ToString::to_string).collect();
                [format!("{summary} 第{}行", lines.join("、")), format!("{summary} line {}", lines.join(", "))]
            }
            Message::SinceRow(y) => [format!("{y}年起"), format!("since {y}")],
            Message::Since(y) => [format!("{y}年起"), format!("Since {y}")],
            Message::DateDisputed(date) => [format!("{date} — 来源说法不一"), format!("{date} — sources disagree")],
            Message::Backs(n) => [
                format!("支撑 {n} 项数据和日期 · Enter 列出引用它的记录"),
                format!("Backs {n} figures and dates · Enter lists the records citing it"),
            ],
            Message::Citing { id, n } => [
                format!(" 引用 {id} 的记录（{n}）· Enter 跳转 · Esc 返回 "),
                format!(" Records citing {id} ({n}) · Enter jumps · Esc back "),
            ],
            Message::NoDocument(e) => [docs_error_zh(e), e.to_string()],
            Message::CitedBy { name, more: 0 } => [format!("Enter → {name}"), format!("Enter → {name}")],
            Message::CitedBy { name, more } => {
                [format!("Enter → {name}（另 {more} 项）"), format!("Enter → {name} (+{more} more)")]
            }
            Message::ExportTitle { n, what } => {
                [format!(" 导出 {n} 项：{what} "), format!(" Export {n} records: {what} ")]
            }
            Message::Replace(path) => {
                [format!("{path} 已存在，替换吗？y/n"), format!("{path} exists. Replace it? y/n")]
            }
            Message::Exported { n, name, dir } => {
                [format!("已写入 {name}（{n} 项，{dir}）"), format!("Wrote {name} ({n} records, {dir})")]
            }
            Message::ExportFailed(ExportError::Write { path, source }) => {
                let [zh, en] = os_reason(source, path);
                [format!("导出失败：{zh}——无法写入 {path}"), format!("Export failed: {en} — cannot write {path}")]
            }
            Message::ExportFailed(e) => [format!("导出失败：{}", export_error_zh(e)), format!("Export failed: {e}")],
            Message::CompareRaw(unit) => {
                [format!("单位相同：原始值（{unit}）"), format!("Same unit: raw values in {unit}")]
            }
            Message::Marked(n) => [format!("已标记 {n} 项 · c 比较"), format!("{n} marked · c compares")],
            Message::MarkIndicatorsOnly => {
                ["只有指标可以比较".to_owned(), "Only indicators can be compared".to_owned()]
            }
            Message::MarkNoYears => [
                "这项指标没有逐年的数据，无法比较".to_owned(),
                "This indicator has no figures by year to compare".to_owned(),
            ],
            Message::MarksFull(n) => [
                format!("最多比较 {n} 项：先用空格取消一项"),
                format!("At most {n} compared: unmark one with Space first"),
            ],
            Message::MarkFirst => [
                "先用空格标记要比较的指标，再按 c".to_owned(),
                "Mark indicators with Space first, then press c".to_owned(),
            ],
            Message::BadQuery(e) => [query_error_zh(e), e.to_string()],
            Message::PercentPoints(d) => [format!("{d}个百分点"), format!("{d} pp")],
            Message::Places(0) => ["名次不变".to_owned(), "same place".to_owned()],
            Message::Places(n) if n > 0 => [format!("上升{n}位"), format!("up {n} place{}", plural(n))],
            Message::Places(n) => [format!("下降{}位", -n), format!("down {} place{}", -n, plural(n))],
        }
    }
}

/// The finder's `?` help, row by row: a piece of the query language and what it does,
/// in Chinese and in English. The examples mix both scripts, as queries may.
pub const QUERY_HELP: &[[(&str, &str); 2]] = &[
    [("a b", "各词都要匹配，顺序不限"), ("a b", "all terms, any order")],
    [("'词", "原文精确匹配"), ("'word", "exact text")],
    [("^词  词$", "标题开头 / 结尾"), ("^word  word$", "title starts / ends")],
    [("!词", "排除含有它的记录"), ("!word", "leave out")],
    [("a | b", "两者之一"), ("a | b", "either term")],
    [("year:2021", "该年；或 2019..2021"), ("year:2021", "a year; or 2019..2021")],
    [("tab:产业", "一个标签页"), ("tab:industry", "one tab; or tab:产业")],
    [("src:d003", "引用该文件的记录"), ("src:d003", "citing document d003")],
    [("scope:city", "或 guangxi、company"), ("scope:city", "or guangxi, company")],
    [("is:computed", "含计算所得的数据"), ("is:computed", "computed figures")],
    [("is:disputed", "来源说法不一"), ("is:disputed", "sources disagree")],
    [("例", "质量 强市 · zlqs | 螺蛳粉"), ("e.g.", "quality city · zlqs | 螺蛳粉")],
    [("例", "水质 year:2020 · tab:产业 is:disputed"), ("e.g.", "water year:2020 · tab:ecology is:disputed")],
    [("Ctrl-w  Ctrl-u/k", "删去一个词 / 删到开头、结尾"), ("Ctrl-w  Ctrl-u/k", "delete a word / to the start, end")],
    [("Alt-b/f  Ctrl-←/→", "按词移动光标"), ("Alt-b/f  Ctrl-←/→", "move by words")],
];
/// The Chinese of `QueryError`'s messages; the valid values are typed the same.
fn query_error_zh(e: &QueryError) -> String {
    match e {
        QueryError::UnknownQualifier(key) => {
            format!("没有限定词 {key}:；可用的是 year:、tab:、src:、scope:、is:（? 看语法）")
        }
        QueryError::BadValue { key, value, valid } => {
            let valid = match valid {
                Expected::Years => "年份或年份范围：2021、2019..2021、2019.. 或 ..2021".to_owned(),
                Expected::OneOf(values) => format!("：{}", text::listed(values, "、", " 或 ")),
                Expected::Source(ids) => format!("来源编号或其文件名的开头：{}", ids.join("、")),
            };
            format!("{key}: 不能取 {value}；可取{valid}")
        }
    }
}

/// Why the OS would not write `path`, in the reader's words where it is a usual case.
fn os_reason(e: &io::Error, path: &str) -> [String; 2] {
    let parent = std::path::Path::new(path).parent().filter(|p| !p.as_os_str().is_empty());
    match (e.kind(), parent) {
        (io::ErrorKind::NotFound, Some(dir)) if !dir.exists() => {
            let dir = dir.display();
            [format!("文件夹 {dir} 不存在"), format!("there is no folder {dir}")]
        }
        (io::ErrorKind::PermissionDenied, _) => ["没有在那里写入的权限".into(), "no permission to write there".into()],
        _ => [e.to_string(), e.to_string()],
    }
}

/// The Chinese of `ExportError`'s messages but a failed write's, naming the same paths.
fn export_error_zh(e: &ExportError) -> String {
    match e {
        ExportError::Write { path, .. } => format!("无法写入 {path}"),
        ExportError::Encode(why) => format!("无法编码数据集：{why}"),
        ExportError::Exists { path } => format!("{path} 已存在；加 --force 替换"),
        ExportError::IsDir { path } => format!("{path} 是文件夹；请给出要写入的文件的路径"),
        ExportError::NotDir { path } => format!("{path} 不是文件夹，而 --format ron 写出数据集文件夹；请换一个新路径"),
        ExportError::NotDataset { path } => format!("{path} 中有数据集以外的文件，即使加 --force 也不替换"),
        ExportError::Query(q) => query_error_zh(q),
    }
}

/// The Chinese of `DocsError`'s messages, naming the same folders and files.
fn docs_error_zh(e: &DocsError) -> String {
    let origin = |o: &crate::docs::Origin| o.to_string();
    match e {
        DocsError::NotGiven => "原文不随程序发布，尚未指明所在的文件夹".to_owned(),
        DocsError::NoFolder { dir, origin: o } => format!("找不到原文文件夹 {}（来自 {}）", dir.display(), origin(o)),
        DocsError::NotAFolder { dir, origin: o } => format!("{} 不是文件夹（来自 {}）", dir.display(), origin(o)),
        DocsError::NoFile { id, file, dir } => format!("{id}：{} 中没有 {file}", dir.display()),
        DocsError::BadName { id, file } => format!("{id}：{file:?} 不是单纯的文件名"),
        DocsError::NotAFile { id, path } => format!("{id}：{} 不是普通文件", path.display()),
        DocsError::TooLarge { id, path, size } => {
            format!("{id}：{} 有 {size} 字节，超过原文的上限 {} 字节", path.display(), crate::docs::MAX_DOC_BYTES)
        }
        DocsError::Read { id, path, why } => format!("{id}：无法读取 {}：{why}", path.display()),
        DocsError::LineCount { id, path, has, says } => {
            format!("{id}：共 {has} 行，数据集记为 {says} 行：版本不对？（{}）", path.display())
        }
    }
}

fn plural(n: i64) -> &'static str {
    if n.abs() == 1 { "" } else { "s" }
}
