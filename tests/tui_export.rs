//! `e` in the browser: the file it writes, the question before it replaces one, and
//! the status line after. The prompt's snapshots are in tui.rs.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use liuzhou_tui::data::Lang;
use liuzhou_tui::tui::app::App;
use liuzhou_tui::tui::keymap::{self, Mode};
use liuzhou_tui::tui::state::Overlay;
use liuzhou_tui::tui::tabs::Tab;
use liuzhou_tui::tui::theme::Theme;
use liuzhou_tui::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use serde::Deserialize;

fn app(lang: Lang, w: u16, h: u16) -> App {
    App::new(liuzhou_tui::embedded().unwrap(), lang, Theme::monochrome(), Rect::new(0, 0, w, h))
}

fn press(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    let event = Event::Key(KeyEvent::new(code, modifiers));
    if let Some(msg) = keymap::to_msg(&event, app.mode()) {
        app.update(msg);
    }
}

fn keys(app: &mut App, s: &str) {
    for c in s.chars() {
        press(app, KeyCode::Char(c), KeyModifiers::NONE);
    }
}

fn key(app: &mut App, code: KeyCode) {
    press(app, code, KeyModifiers::NONE);
}

fn ctrl(app: &mut App, c: char) {
    press(app, KeyCode::Char(c), KeyModifiers::CONTROL);
}

/// The screen, a quoted line per row (wide characters whole, the cells they cover
/// listed after).
fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.area.width, app.area.height)).unwrap();
    terminal.draw(|f| ui::draw(app, f)).unwrap();
    terminal.backend().to_string()
}

/// Replaces the prompt's path with `path` and presses Enter.
fn write_to(app: &mut App, path: &Path) {
    key(app, KeyCode::End);
    ctrl(app, 'u');
    keys(app, path.to_str().unwrap());
    key(app, KeyCode::Enter);
}

#[test]
fn the_tab_shown_goes_to_the_file_and_the_status_line_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("industry.csv");
    let mut a = app(Lang::En, 100, 30);
    keys(&mut a, "e");
    write_to(&mut a, &path);
    assert_eq!(a.mode(), Mode::Normal);
    let n = a.rows[Tab::Industry.index()].entries.len();
    let said = format!("Wrote industry.csv ({n} records, {})", dir.path().display());
    assert_eq!(a.status.as_deref(), Some(said.as_str()));
    // On a narrow screen the message shows whole, without the position before it.
    a.update(liuzhou_tui::tui::action::Msg::Resize(said.chars().count() as u16 + 2, 30));
    let last = screen(&a).lines().last().unwrap().to_owned();
    assert!(last.contains(&said) && !last.contains("1/"), "{last}");

    let csv = fs::read_to_string(&path).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(rows.iter().all(|r| &r[2] == "industry"), "only the Industry tab");
    let ids: std::collections::BTreeSet<&str> = rows.iter().map(|r| &r[1]).collect();
    assert_eq!(ids.len(), n);
}

#[test]
fn an_existing_file_is_replaced_only_after_yes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("timeline.md");
    fs::write(&path, "old").unwrap();
    let mut a = app(Lang::En, 100, 30);
    keys(&mut a, "3e");
    key(&mut a, KeyCode::Tab); // Markdown
    write_to(&mut a, &path);
    assert!(screen(&a).contains("timeline.md exists. Replace it? y/n"), "{}", screen(&a));
    keys(&mut a, "n");
    assert_eq!(fs::read_to_string(&path).unwrap(), "old");
    assert_eq!(a.mode(), Mode::Export, "no goes back to the path");

    key(&mut a, KeyCode::Enter);
    keys(&mut a, "y");
    assert_eq!(a.mode(), Mode::Normal);
    let md = fs::read_to_string(&path).unwrap();
    assert!(md.starts_with("## Policy timeline\n\n| Event | Date | Category | Source |"), "{md}");
    assert!(a.status.as_deref().is_some_and(|s| s.contains("timeline.md")));
}

#[test]
fn the_finders_results_are_exported_and_the_finder_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("luosifen.json");
    let mut a = app(Lang::Zh, 100, 30);
    keys(&mut a, "/luosifen");
    let Overlay::Finder(f) = &a.overlay else { panic!("no finder") };
    let records = f.hits.iter().filter_map(|h| a.data.record(h.entry));
    let found: BTreeSet<String> = records.filter(|r| r.kind() != "source").map(|r| r.id().to_owned()).collect();
    ctrl(&mut a, 's');
    assert_eq!(a.mode(), Mode::Export);
    assert!(screen(&a).contains("搜索结果"), "{}", screen(&a));
    key(&mut a, KeyCode::BackTab); // JSON
    write_to(&mut a, &path);
    assert_eq!(a.mode(), Mode::Finder);
    assert!(a.status.as_deref().is_some_and(|s| s.starts_with("已写入 luosifen.json（")), "{:?}", a.status);
    let json: serde_json::Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    let exported = liuzhou_tui::data::Dataset::deserialize(&json).unwrap();
    let ids: BTreeSet<String> =
        exported.records().filter(|r| r.kind() != "source").map(|r| r.id().to_owned()).collect();
    assert!(found.len() > 10, "{found:?}");
    assert_eq!(ids, found);
}

#[test]
fn errors_are_said_and_the_prompt_stays_open() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(Lang::En, 100, 30);
    keys(&mut a, "e");
    write_to(&mut a, &dir.path().join("no/such/dir/x.csv"));
    assert_eq!(a.mode(), Mode::Export);
    let status = a.status.clone().unwrap_or_default();
    let (path, folder) = (dir.path().join("no/such/dir/x.csv"), dir.path().join("no/such/dir"));
    let said = format!("Export failed: there is no folder {} — cannot write {}", folder.display(), path.display());
    assert_eq!(status, said);
    // In the reader's language, the folder named first.
    let mut zh = app(Lang::Zh, 100, 30);
    keys(&mut zh, "e");
    write_to(&mut zh, &path);
    let said = format!("导出失败：文件夹 {} 不存在——无法写入 {}", folder.display(), path.display());
    assert_eq!(zh.status.as_deref(), Some(said.as_str()));

    ctrl(&mut a, 'u');
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.status.as_deref(), Some("Type a file path first"));
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.mode(), Mode::Normal);
    assert!(fs::read_dir(dir.path()).unwrap().next().is_none(), "nothing written");

    // An empty finder has nothing to export.
    keys(&mut a, "/");
    ctrl(&mut a, 's');
    assert_eq!((a.mode(), a.status.as_deref()), (Mode::Finder, Some("Nothing to export")));
}

#[test]
fn a_question_mark_is_part_of_a_path_not_a_call_for_help() {
    let mut a = app(Lang::En, 100, 30);
    keys(&mut a, "e");
    key(&mut a, KeyCode::End);
    ctrl(&mut a, 'u');
    keys(&mut a, "why?.csv");
    assert_eq!(a.mode(), Mode::Export);
    assert!(screen(&a).contains("why?.csv"), "{}", screen(&a));
}

#[test]
fn the_comparison_exports_its_indicators_and_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pair.csv");
    let mut a = app(Lang::En, 100, 30);
    for id in ["nev-output", "luosifen-sales-revenue"] {
        let row = (0..a.data.industry.len()).find(|&k| &*a.data.industry[k].id == id).unwrap();
        a.jump(liuzhou_tui::tui::tabs::Target::Industry(row));
        keys(&mut a, " ");
    }
    keys(&mut a, "c");
    assert_eq!(a.mode(), Mode::Compare);
    assert!(screen(&a).contains("e export"), "the comparison says how: {}", screen(&a));
    keys(&mut a, "e");
    assert_eq!(a.mode(), Mode::Export);
    let s = screen(&a);
    assert!(s.contains("Export 2 records: compared indicators"), "{s}");
    assert!(s.contains("Units differ"), "the comparison stays in view under the prompt: {s}");
    write_to(&mut a, &path);
    assert_eq!(a.mode(), Mode::Compare, "writing goes back to the comparison");
    let csv = fs::read_to_string(&path).unwrap();
    let ids: BTreeSet<&str> = csv.lines().skip(1).filter_map(|l| l.split(',').nth(1)).collect();
    assert_eq!(ids, BTreeSet::from(["nev-output", "luosifen-sales-revenue"]), "{csv}");
}

#[test]
fn the_finder_exports_every_match_not_only_the_page_it_holds() {
    let mut index = liuzhou_tui::search::SearchIndex::new(liuzhou_tui::embedded().unwrap());
    let all = index.search("i", 1).unwrap().total;
    let mut a = app(Lang::En, 100, 30);
    keys(&mut a, "/i");
    let Overlay::Finder(f) = &a.overlay else { panic!("no finder") };
    assert!(f.hits.len() < all, "the finder holds a page of the {all} matches");
    ctrl(&mut a, 's');
    assert!(screen(&a).contains(&format!("Export {all} records: search results")), "{}", screen(&a));
}

#[test]
fn trends_exports_the_indicators_it_charts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("trends.csv");
    let mut a = app(Lang::En, 100, 30);
    keys(&mut a, "5e");
    let n = a.rows[Tab::Trends.index()].entries.len();
    assert!(screen(&a).contains(&format!("Export {n} records: Trends")), "{}", screen(&a));
    write_to(&mut a, &path);
    let csv = fs::read_to_string(&path).unwrap();
    let ids: BTreeSet<&str> = csv.lines().skip(1).filter_map(|l| l.split(',').nth(1)).collect();
    assert_eq!(ids.len(), n, "{csv}");
    assert!(ids.contains("nev-output"), "{ids:?}");
}

/// Sources have no data points for a CSV: their prompt starts at Markdown.
#[test]
fn sources_export_as_markdown_by_default() {
    let mut a = app(Lang::En, 100, 30);
    keys(&mut a, "6e");
    assert!(screen(&a).contains("liuzhou-sources.md"), "{}", screen(&a));
}
