//! Sources: the documents, how many figures each backs, and on Enter every record
//! that cites the selected one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};

use super::Target;
use crate::data::Lang;
use crate::text;
use crate::tui::app::App;
use crate::tui::widgets::{Detail, labelled, list, wrapped};

/// "d000:29"
pub fn cite(source: &str, line: u32) -> String {
    format!("{source}:{line}")
}

/// "《title》 publisher, date"
pub fn source_summary(app: &App, id: &str) -> String {
    match app.data.source(id) {
        Some(s) => {
            let inferred = match (s.date_inferred.is_some(), app.lang) {
                (true, Lang::Zh) => "（推断）",
                (true, Lang::En) => " (inferred)",
                _ => "",
            };
            format!("《{}》 {}, {}{inferred}", s.title.get(app.lang), s.publisher.get(app.lang), s.date)
        }
        None => id.to_owned(),
    }
}

pub fn list_line(app: &App, s: usize, width: usize) -> Line<'static> {
    let src = &app.data.sources[s];
    let date = format!(" {}", src.date);
    let title_w = width.saturating_sub(text::width(&src.id) + text::width(&date) + 2);
    Line::from(vec![
        Span::styled(format!(" {}", src.id), app.theme.key),
        Span::raw(format!(" {}", text::pad(src.title.get(app.lang), title_w))),
        Span::styled(date, app.theme.dim),
    ])
}

pub fn detail(app: &App, s: usize, width: usize) -> Detail {
    let th = &app.theme;
    let lang = app.lang;
    let src = &app.data.sources[s];
    let zh = lang == Lang::Zh;
    let mut lines = wrapped(src.title.get(lang.toggle()), width, th.dim);
    lines.extend(labelled(if zh { "发布" } else { "Publisher" }, src.publisher.get(lang), width, th.header, th.base));
    lines.extend(labelled(if zh { "日期" } else { "Date" }, &src.date.to_string(), width, th.header, th.base));
    if let Some(why) = &src.date_inferred {
        lines.extend(labelled(if zh { "推断" } else { "Inferred" }, why.get(lang), width, th.header, th.dim));
    }
    lines.extend(labelled(if zh { "类型" } else { "Kind" }, src.kind.label(lang), width, th.header, th.base));
    let file = format!("{} ({} {})", src.file, src.lines, if zh { "行" } else { "lines" });
    lines.extend(labelled(if zh { "文件" } else { "File" }, &file, width, th.header, th.base));
    lines.push(Line::default());
    lines.extend(wrapped(src.summary.get(lang), width, th.base));
    lines.push(Line::default());
    let n = app.citations.get(s).copied().unwrap_or(0);
    let backs = if zh {
        format!("支撑 {n} 项数据和日期 · Enter 列出引用它的记录")
    } else {
        format!("Backs {n} figures and dates · Enter lists the records citing it")
    };
    lines.extend(wrapped(&backs, width, th.key));
    Detail { title: src.title.get(lang).to_owned(), card: None, lines, chart: None }
}

/// The records citing the selected source, in the detail pane's place.
pub fn draw_citing(app: &App, pane: Rect, buf: &mut Buffer) {
    let Some(c) = &app.citing else { return };
    let id = match app.selected() {
        Some(Target::Source(s)) => &*app.data.sources[s].id,
        _ => "",
    };
    let title = match app.lang {
        Lang::Zh => format!(" 引用 {id} 的记录（{}）· Enter 跳转 · Esc 返回 ", c.targets.len()),
        Lang::En => format!(" Records citing {id} ({}) · Enter jumps · Esc back ", c.targets.len()),
    };
    let block = Block::bordered().border_type(BorderType::Rounded).border_style(app.theme.border).title(Span::styled(
        text::truncate(&title, usize::from(pane.width.saturating_sub(2))).into_owned(),
        app.theme.title,
    ));
    let area = block.inner(pane);
    block.render(pane, buf);
    let w = usize::from(area.width);
    let item = |&(target, n): &(Target, usize)| {
        let tab = format!("[{}] ", target.tab().title(app.lang));
        let count = format!(" ×{n}");
        let name = target.record(&app.data).map(|r| r.name().get(app.lang)).unwrap_or_default();
        let name_w = w.saturating_sub(text::width(&tab) + text::width(&count));
        list::Item::Entry(Line::from(vec![
            Span::styled(text::truncate(&tab, w).into_owned(), app.theme.dim),
            Span::raw(text::pad(name, name_w)),
            Span::styled(text::truncate(&count, w.saturating_sub(text::width(&tab))).into_owned(), app.theme.key),
        ]))
    };
    list::draw(area, buf, &c.targets, item, c.offset, Some(c.sel), &app.theme);
}

pub fn citation(app: &App, s: usize) -> String {
    let src = &app.data.sources[s];
    format!("{} / {} — {}, {} ({})", src.title.zh(), src.title.en(), src.publisher.en(), src.date, src.file)
}
