//! Every word the browser shows, in both languages, read one way: `Label::X.get(lang)`
//! for fixed text, `Message::X(..).get(lang)` for text with figures in it. Each arm
//! gives the Chinese and the English together, so text lacking either does not compile.

use crate::data::Lang;

/// Fixed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    // Tab titles.
    Industry,
    Ecology,
    Timeline,
    Livelihood,
    SourcesTab,
    TrendsTab,
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
    HelpMark,
    HelpCompare,
    HelpSort,
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
    // Trends and charts.
    SortName,
    SortChange,
    SortLatest,
    TrendsLegend,
    ComputedLegend,
    // The comparison.
    CompareTitle,
    CompareIndex,
    CompareFooter,
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
            Label::TrendsTab => ["趋势", "Trends"],
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
            Label::HelpMark => ["标记 / 取消标记，用于比较", "mark / unmark to compare"],
            Label::HelpCompare => ["比较已标记的指标", "compare the marked indicators"],
            Label::HelpSort => ["趋势：切换排序", "Trends: next order"],
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
            Label::SortName => ["按名称（s 切换）", "by name (s sorts)"],
            Label::SortChange => ["按变化（s 切换）", "by change (s sorts)"],
            Label::SortLatest => ["按最新年份（s 切换）", "by latest year (s sorts)"],
            Label::TrendsLegend => [" ⣿ 推算值 · 排名：向上为进步 ", " ⣿ computed · ranks: up is better "],
            Label::ComputedLegend => ["⣿ 推算值", "⣿ computed"],
            Label::CompareTitle => [" 比较 ", " Compare "],
            Label::CompareIndex => ["单位不同：图为指数，首年 = 100", "Units differ: index, first year = 100"],
            Label::CompareFooter => ["空心与 * 为推算值 · Esc 关闭", "Hollow or * = computed · Esc closes"],
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
    /// Space with the most indicators already marked.
    MarksFull(usize),
    /// `c` with nothing marked.
    MarkFirst,
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
            Message::CompareRaw(unit) => {
                [format!("单位相同：原始值（{unit}）"), format!("Same unit: raw values in {unit}")]
            }
            Message::Marked(n) => [format!("已标记 {n} 项 · c 比较"), format!("{n} marked · c compares")],
            Message::MarkIndicatorsOnly => {
                ["只有指标可以比较".to_owned(), "Only indicators can be compared".to_owned()]
            }
            Message::MarksFull(n) => [
                format!("最多比较 {n} 项：先用空格取消一项"),
                format!("At most {n} compared: unmark one with Space first"),
            ],
            Message::MarkFirst => [
                "先用空格标记要比较的指标，再按 c".to_owned(),
                "Mark indicators with Space first, then press c".to_owned(),
            ],
            Message::PercentPoints(d) => [format!("{d}个百分点"), format!("{d} pp")],
            Message::Places(0) => ["名次不变".to_owned(), "same place".to_owned()],
            Message::Places(n) if n > 0 => [format!("上升{n}位"), format!("up {n} place{}", plural(n))],
            Message::Places(n) => [format!("下降{}位", -n), format!("down {} place{}", -n, plural(n))],
        }
    }
}

fn plural(n: i64) -> &'static str {
    if n.abs() == 1 { "" } else { "s" }
}

/// The unit a chart writes its values in, as the figure table beside it does: the
/// data's own unit in Chinese; in English the base unit, in millions or billions when
/// the largest value runs that high. Gives the unit's name and what a data value is
/// multiplied by to be written in it.
pub fn chart_unit(unit: &str, max: f64, lang: Lang) -> (String, f64) {
    match (lang, crate::data::units::lookup(unit)) {
        (Lang::En, Some(u)) => {
            let amount = (max * u.scale).abs();
            if amount >= 1e9 {
                (format!("billion {}", u.en), u.scale / 1e9)
            } else if amount >= 1e6 {
                (format!("million {}", u.en), u.scale / 1e6)
            } else {
                (u.en.to_owned(), u.scale)
            }
        }
        _ => (unit.to_owned(), 1.0),
    }
}

/// The one of a `[Chinese, English]` pair that `lang` reads.
pub fn pick<T>(lang: Lang, [zh, en]: [T; 2]) -> T {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}
