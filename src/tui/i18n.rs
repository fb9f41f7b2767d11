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
    HelpSearch,
    HelpCopy,
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
    NoMatches,
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
            Label::HelpBack => ["返回 / 关闭", "back / close"],
            Label::HelpSearch => ["搜索（汉字、拼音、英文）", "search (Hanzi, pinyin, English)"],
            Label::HelpCopy => ["复制所选数据及出处", "copy the selection with its citation"],
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
            Label::FinderExample => {
                ["例如 质量强市 · zlqs · luosifen · quality city", "e.g. 质量强市 · zlqs · luosifen · quality city"]
            }
            Label::NoMatches => ["没有匹配", "No matches"],
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
    /// The finder's count of results; `best` when the limit cut them.
    Results {
        n: usize,
        best: bool,
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
            Message::Results { n, best } => {
                let [zh, en] = if best {
                    [format!("最佳 {n} 项"), format!("best {n}")]
                } else {
                    [format!("{n} 项"), format!("{n} found")]
                };
                [format!("{zh} · ↑↓ 选择 · Enter 跳转 · Esc 返回"), format!("{en} · ↑↓ select · Enter jump · Esc back")]
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
        }
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

fn english_unit(unit: &str) -> String {
    match crate::data::units::lookup(unit) {
        Some(u) if u.scale == 1e4 => format!("10,000 {}", u.en),
        Some(u) if u.scale == 1e8 => format!("100 million {}", u.en),
        Some(u) => u.en.to_owned(),
        None => unit.to_owned(),
    }
}

/// The one of a `[Chinese, English]` pair that `lang` reads.
pub fn pick<T>(lang: Lang, [zh, en]: [T; 2]) -> T {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}
