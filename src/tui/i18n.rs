//! Every word the browser shows, in both languages, read one way: `Label::X.get(lang)`
//! for fixed text, `Message::X(..).get(lang)` for text with figures in it. Each arm
//! gives the Chinese and the English together, so text lacking either does not compile.

use crate::data::Lang;

mod message;

pub use message::{Message, QUERY_HELP};

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
    TrendsTab,
    // The status line's key hints, longest first.
    Hints,
    HintHelp,
    // The help overlay.
    HelpTitle,
    HelpFooter,
    HelpFooterScroll,
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
    FinderRecall,
    NoMatches,
    QueryHelpTitle,
    QueryHelpTitleScroll,
    // The export prompt.
    ExportFormat,
    ExportPath,
    ExportKeys,
    SearchResults,
    /// What the export prompt writes when opened over the comparison.
    Compared,
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
    ReadingClose,
    DocsHow,
    // Trends and charts.
    SortName,
    SortChange,
    SortLatest,
    TrendsLegend,
    ComputedLegend,
    // A list with nothing in it: a tab, Trends, a source's citing records.
    EmptyTab,
    NoTrends,
    NoCiting,
    // The comparison.
    CompareTitle,
    CompareIndex,
    /// After the note on what the chart plots, when a rank is among the columns.
    CompareRanksUp,
    CompareRanksDown,
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
            Label::IndustryShort => ["产业", "Ind"],
            Label::EcologyShort => ["生态", "Eco"],
            Label::TimelineShort => ["政策", "Policy"],
            Label::LivelihoodShort => ["民生", "Living"],
            Label::SourcesShort => ["来源", "Src"],
            Label::TrendsTab => ["趋势", "Trends"],
            Label::Hints => ["/ 搜索  ? 帮助  L English  q 退出 ", "/ search  ? help  L 中文  q quit "],
            Label::HintHelp => ["? 帮助 ", "? help "],
            Label::HelpTitle => [" 帮助 · 按键 ", " Help · keys "],
            Label::HelpFooter => ["Esc 或 ? 关闭", "Esc or ? closes"],
            Label::HelpFooterScroll => ["↑↓ 滚动 · Esc 或 ? 关闭", "↑↓ scroll · Esc or ? closes"],
            Label::HelpSwitchTab => ["切换标签页", "switch tab"],
            Label::HelpMove => ["上下移动", "move down / up"],
            Label::HelpFirstLast => ["第一项 / 最后一项", "first / last"],
            Label::HelpPage => ["翻页", "page up / down"],
            Label::HelpScroll => ["滚动详情", "scroll the detail pane"],
            Label::HelpEnter => ["打开 / 确认 / 跳转", "open / confirm / jump"],
            Label::HelpBack => ["关闭；无可关闭时后退", "close; with nothing open, go back"],
            Label::HelpJumpBack => ["后退到跳转前的位置", "back to where the last jump left"],
            Label::HelpJumpForward => ["前进（Ctrl-i 即 Tab 时用 Ctrl-n）", "forward (Ctrl-n where Ctrl-i is Tab)"],
            Label::HelpSearch => {
                ["搜索（汉字、拼音、英文；其中按 ? 看语法）", "search (Hanzi, pinyin, English; ? in it: syntax)"]
            }
            Label::HelpCopy => ["复制所选数据及出处", "copy the selection with its citation"],
            Label::HelpExport => [
                "导出所见：标签页、搜索结果（Ctrl-s）或比较",
                "export what is shown: tab, results (Ctrl-s), comparison",
            ],
            Label::HelpOpenSource => {
                ["打开原文，停在所引的行（来源页：整篇）", "open the source text at the cited line (Sources: whole)"]
            }
            Label::HelpNextCite => ["原文中的下一处 / 上一处引用", "next / previous citation in the source text"],
            Label::HelpMark => ["标记 / 取消标记，用于比较", "mark / unmark to compare"],
            Label::HelpCompare => ["比较已标记的指标", "compare the marked indicators"],
            Label::HelpSort => ["趋势：切换排序", "Trends: next order"],
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
            Label::QueryHelpTitleScroll => {
                ["查询语法 · ↑↓ 滚动 · 其他键返回", "Query language · ↑↓ scroll · other keys return"]
            }
            Label::ExportFormat => ["格式", "Format"],
            Label::ExportPath => ["路径", "Path"],
            Label::ExportKeys => ["Enter 写入 · Tab 换格式 · Esc 取消", "Enter writes · Tab format · Esc cancels"],
            Label::SearchResults => ["搜索结果", "search results"],
            Label::Compared => ["比较的指标", "compared indicators"],
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
            Label::ReadingClose => ["Esc 关闭", "Esc closes"],
            Label::ReadingWholeKeys => ["n/N 下一处引用 · Esc 关闭", "n/N next cited line · Esc closes"],
            Label::DocsHow => [
                "原文不随程序发布。用 --docs 目录 或环境变量 LIUZHOU_TUI_DOCS 指明原文所在的文件夹，或放在 --data 数据目录下的 sources/ 中。",
                "The documents do not ship with the program. Point it at their folder with --docs DIR or LIUZHOU_TUI_DOCS=DIR, or put them in sources/ inside the --data directory.",
            ],
            Label::SortName => ["按名称（s 切换）", "by name (s sorts)"],
            Label::SortChange => ["按变化（s 切换）", "by change (s sorts)"],
            Label::SortLatest => ["按最新年份（s 切换）", "by latest year (s sorts)"],
            Label::TrendsLegend => [" ⣿ 推算值 · 排名：向上为进步 ", " ⣿ computed · ranks: up is better "],
            Label::ComputedLegend => ["⣿ 推算值", "⣿ computed"],
            Label::CompareTitle => [" 比较 ", " Compare "],
            Label::CompareIndex => ["单位不同：图为指数，首年 = 100", "Units differ: index, first year = 100"],
            Label::CompareRanksUp => [" · 排名：向上为进步", " · ranks: up is better"],
            Label::CompareRanksDown => [" · 排名：向下为进步", " · ranks: down is better"],
            Label::EmptyTab => ["此数据集中没有这类记录。", "This dataset has no records of this kind."],
            Label::NoTrends => ["没有哪项指标有两年或以上的数据。", "No indicator has figures for two or more years."],
            Label::NoCiting => ["没有记录引用这份来源。", "No record cites this source."],
            Label::CompareFooter => ["空心与 * 为推算值 · e 导出 · Esc 关闭", "Hollow, * = computed · e export · Esc"],
        }
    }
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
/// `s` in brackets as each language writes them: "（近5年）" after Chinese, " (the
/// last five years)" after English.
pub fn bracketed(lang: Lang, s: &str) -> String {
    pick(lang, [format!("（{s}）"), format!(" ({s})")])
}

/// The comma between the parts of a phrase: Chinese takes the full-width one.
pub fn comma(lang: Lang) -> &'static str {
    pick(lang, ["，", ", "])
}

pub fn pick<T>(lang: Lang, [zh, en]: [T; 2]) -> T {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}
