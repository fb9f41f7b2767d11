//! Every word the browser shows, in both languages, read one way: `Label::X.get(lang)`
//! for fixed text, `Message::X(..).get(lang)` for text with figures in it. Each arm
//! gives the Chinese and the English together, so text lacking either does not compile.

use crate::data::Lang;
use crate::docs::DocsError;

/// Fixed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    // Tab titles.
    Industry,
    Ecology,
    Timeline,
    Livelihood,
    SourcesTab,
    // Tab titles where the full ones do not fit.
    IndustryShort,
    EcologyShort,
    TimelineShort,
    LivelihoodShort,
    SourcesShort,
    // The status line's key hints, longest first.
    Hints,
    HintHelp,
    // The help overlay.
    HelpTitle,
    HelpFooter,
    HelpSwitchTab,
    HelpMove,
    HelpFirstLast,
    HelpPage,
    HelpScroll,
    HelpEnter,
    HelpBack,
    HelpJumpBack,
    HelpJumpForward,
    HelpSearch,
    HelpCopy,
    HelpExport,
    HelpOpenSource,
    HelpNextCite,
    HelpLanguage,
    HelpHelp,
    HelpQuit,
    HelpSuspend,
    HelpMouse,
    // The finder.
    FinderTitle,
    FinderExample,
    FinderRecall,
    NoMatches,
    QueryHelpTitle,
    // The export prompt.
    ExportFormat,
    ExportPath,
    ExportKeys,
    SearchResults,
    NothingToExport,
    NoPath,
    // Detail panes.
    SourcesDisagree,
    Trend,
    SourcesHeading,
    Year,
    Figure,
    Kind,
    Source,
    SourceHeading,
    FigureSeparator,
    DatesAndSources,
    Publisher,
    Date,
    Inferred,
    InferredSuffix,
    File,
    Lines,
    // The source pane.
    ReadingKeys,
    ReadingWholeKeys,
    DocsHow,
}

impl Label {
    pub fn get(self, lang: Lang) -> &'static str {
        pick(lang, self.both())
    }

    fn both(self) -> [&'static str; 2] {
        match self {
            Label::Industry => ["产业", "Industry"],
            Label::Ecology => ["生态", "Ecology"],
            Label::Timeline => ["政策", "Policy timeline"],
            Label::Livelihood => ["民生", "Livelihood"],
            Label::SourcesTab => ["来源", "Sources"],
            Label::IndustryShort => ["产业", "Ind"],
            Label::EcologyShort => ["生态", "Eco"],
            Label::TimelineShort => ["政策", "Policy"],
            Label::LivelihoodShort => ["民生", "Living"],
            Label::SourcesShort => ["来源", "Src"],
            Label::Hints => ["/ 搜索  ? 帮助  L English  q 退出 ", "/ search  ? help  L 中文  q quit "],
            Label::HintHelp => ["? 帮助 ", "? help "],
            Label::HelpTitle => [" 帮助 · 按键 ", " Help · keys "],
            Label::HelpFooter => ["Esc 或 ? 关闭", "Esc or ? closes"],
            Label::HelpSwitchTab => ["切换标签页", "switch tab"],
            Label::HelpMove => ["上下移动", "move down / up"],
            Label::HelpFirstLast => ["第一项 / 最后一项", "first / last"],
            Label::HelpPage => ["翻页", "page up / down"],
            Label::HelpScroll => ["滚动详情", "scroll the detail pane"],
            Label::HelpEnter => ["打开 / 确认 / 跳转", "open / confirm / jump"],
            Label::HelpBack => ["关闭；无可关闭时后退", "close; with nothing open, go back"],
            Label::HelpJumpBack => ["后退到跳转前的位置", "back to where the last jump left"],
            Label::HelpJumpForward => ["前进（Ctrl-i 即 Tab 时用 Ctrl-n）", "forward (Ctrl-n where Ctrl-i is Tab)"],
            Label::HelpSearch => ["搜索（汉字、拼音、英文）", "search (Hanzi, pinyin, English)"],
            Label::HelpCopy => ["复制所选数据及出处", "copy the selection with its citation"],
            Label::HelpExport => ["导出所见到文件（搜索中 Ctrl-s）", "export what is shown (Ctrl-s in search)"],
            Label::HelpOpenSource => {
                ["打开原文，停在所引的行（来源页：整篇）", "open the source text at the cited line (Sources: whole)"]
            }
            Label::HelpNextCite => ["原文中的下一处 / 上一处引用", "next / previous citation in the source text"],
            Label::HelpLanguage => ["切换中文 / English", "switch 中文 / English"],
            Label::HelpHelp => ["显示 / 关闭帮助", "show / close this help"],
            Label::HelpQuit => ["退出", "quit"],
            Label::HelpSuspend => ["挂起（fg 恢复）", "suspend (fg resumes)"],
            Label::HelpMouse => ["点击选择，滚轮滚动", "click selects, wheel scrolls"],
            Label::FinderTitle => [" 搜索：汉字、拼音或英文 ", " Search: Hanzi, pinyin or English "],
            Label::FinderExample => [
                "? 语法 · 例如 质量强市 · zlqs · luosifen · quality city",
                "? syntax · e.g. 质量强市 · zlqs · luosifen · quality city",
            ],
            Label::FinderRecall => ["↑ 之前的搜索 · ? 语法", "↑ earlier searches · ? syntax"],
            Label::NoMatches => ["没有匹配 · ? 语法", "No matches · ? syntax"],
            Label::QueryHelpTitle => ["查询语法 · 按任意键返回", "Query language · any key returns"],
            Label::ExportFormat => ["格式", "Format"],
            Label::ExportPath => ["路径", "Path"],
            Label::ExportKeys => ["Enter 写入 · Tab 换格式 · Esc 取消", "Enter writes · Tab format · Esc cancels"],
            Label::SearchResults => ["搜索结果", "search results"],
            Label::NothingToExport => ["没有可导出的记录", "Nothing to export"],
            Label::NoPath => ["请先输入文件路径", "Type a file path first"],
            Label::SourcesDisagree => ["⚠ 来源不一致", "⚠ Sources disagree"],
            Label::Trend => ["趋势", "Trend"],
            Label::SourcesHeading => ["来源", "Sources"],
            Label::Year => ["年份", "Year"],
            Label::Figure => ["数值", "Figure"],
            Label::Kind => ["类型", "Kind"],
            Label::Source => ["出处", "Source"],
            Label::SourceHeading => ["来源", "Source"],
            Label::FigureSeparator => ["；", "; "],
            Label::DatesAndSources => ["日期与来源", "Dates and sources"],
            Label::Publisher => ["发布", "Publisher"],
            Label::Date => ["日期", "Date"],
            Label::Inferred => ["推断", "Inferred"],
            Label::InferredSuffix => ["（推断）", " (inferred)"],
            Label::File => ["文件", "File"],
            Label::Lines => ["行", "lines"],
            Label::ReadingKeys => ["n/N 下一处 · Esc 关闭", "n/N next · Esc closes"],
            Label::ReadingWholeKeys => ["n/N 下一处引用 · Esc 关闭", "n/N next cited line · Esc closes"],
            Label::DocsHow => [
                "原文不随程序发布。用 --docs 目录 或环境变量 LIUZHOU_TUI_DOCS 指明原文所在的文件夹，或放在 --data 数据目录下的 sources/ 中。",
                "The documents do not ship with the program. Point it at their folder with --docs DIR or LIUZHOU_TUI_DOCS=DIR, or put them in sources/ inside the --data directory.",
            ],
        }
    }
}

/// Text with figures or names in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// A chart's unit: the data's Chinese unit, or its English with the magnitude spelled out.
    Unit(&'a str),
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
    ExportFailed(&'a str),
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
            Message::Unit(unit) => [unit.to_owned(), english_unit(unit)],
            Message::ExportTitle { n, what } => {
                [format!(" 导出 {n} 项：{what} "), format!(" Export {n} records: {what} ")]
            }
            Message::Replace(path) => {
                [format!("{path} 已存在，替换吗？y/n"), format!("{path} exists. Replace it? y/n")]
            }
            Message::Exported { n, name, dir } => {
                [format!("已写入 {name}（{n} 项，{dir}）"), format!("Wrote {name} ({n} records, {dir})")]
            }
            Message::ExportFailed(why) => [format!("导出失败：{why}"), format!("Export failed: {why}")],
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
];
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

fn english_unit(unit: &str) -> String {
    crate::data::units::lookup(unit).map_or_else(|| unit.to_owned(), |u| u.english())
}

/// The one of a `[Chinese, English]` pair that `lang` reads.
pub fn pick<T>(lang: Lang, [zh, en]: [T; 2]) -> T {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}
