//! The browser driven as the real loop drives it: events → messages → update → draw,
//! on a `TestBackend`. Snapshots pin each screen; the other tests pin behaviour.

mod common;

use std::path::Path;

use common::seeds;

use liuzhou_tui::data::Kind;
use liuzhou_tui::data::Lang;
use liuzhou_tui::docs::Docs;
use liuzhou_tui::search::SearchIndex;
use liuzhou_tui::tui::action::{Effect, Msg};
use liuzhou_tui::tui::app::{App, FINDER_LIMIT};
use liuzhou_tui::tui::finder::Finder;
use liuzhou_tui::tui::geometry;
use liuzhou_tui::tui::keymap;
use liuzhou_tui::tui::reader::Shelf;
use liuzhou_tui::tui::state::Overlay;
use liuzhou_tui::tui::tabs::{Row, Tab, Target};
use liuzhou_tui::tui::theme::Theme;
use liuzhou_tui::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use ratatui::style::Modifier;

fn app(lang: Lang, w: u16, h: u16) -> App {
    App::new(liuzhou_tui::embedded().unwrap(), lang, Theme::monochrome(), Rect::new(0, 0, w, h))
}

/// Feeds one terminal event through the keymap and `update`, as the event loop does.
fn step(app: &mut App, event: Event) -> Option<Effect> {
    keymap::to_msg(&event, app.mode()).and_then(|msg| app.update(msg))
}

fn key(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn code(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn keys(app: &mut App, s: &str) {
    for c in s.chars() {
        step(app, key(c));
    }
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.area.width, app.area.height)).unwrap();
    terminal.draw(|f| ui::draw(app, f)).unwrap();
    terminal
}

/// The screen as text, one line per row; the cells a wide character covers are skipped.
fn text(terminal: &Terminal<TestBackend>) -> String {
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buf[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            out.push_str(symbol);
        }
        out.push('\n');
    }
    out
}

fn screen(app: &App) -> String {
    text(&draw(app))
}

#[test]
fn every_tab_at_both_sizes_in_both_languages() {
    for (w, h) in [(100, 30), (41, 12)] {
        for lang in [Lang::Zh, Lang::En] {
            let mut a = app(lang, w, h);
            for tab in Tab::ALL {
                a.update(Msg::GoTo(tab));
                let name = format!("{:?}_{w}x{h}_{lang:?}", tab).to_lowercase();
                insta::assert_snapshot!(name, screen(&a));
            }
        }
    }
}

#[test]
fn narrow_screens_open_the_detail_on_enter() {
    let mut a = app(Lang::En, 41, 12);
    keys(&mut a, "jjjj");
    step(&mut a, code(KeyCode::Enter));
    insta::assert_snapshot!("detail_41x12_en", screen(&a));
    step(&mut a, code(KeyCode::Esc));
    assert!(screen(&a).contains("╭ Industry"));
}

/// The first line of the screen holding `text`.
fn line_with(a: &App, text: &str) -> String {
    let s = screen(a);
    s.lines().find(|l| l.contains(text)).map(str::to_owned).unwrap_or_else(|| panic!("no {text:?} in {s}"))
}

/// On a wide screen a figure's kind and source stay near it, not at the far edge.
#[test]
fn a_wide_screen_keeps_the_figure_table_together() {
    let mut a = app(Lang::En, 250, 30);
    select(&mut a, "nev-growth");
    let row = line_with(&a, "198.2%");
    let (figure, kind) = (row.find("198.2%").unwrap(), row.find("reported").unwrap());
    assert!(kind - figure < 72, "{row}");
    // So do a livelihood item's figures near its name.
    keys(&mut a, "4");
    let row = line_with(&a, "New classes added");
    assert!(row.find("2,208 classes").unwrap() < 120, "{row}");
}

/// Asked for a year, a result row shows the record's figure of that year.
#[test]
fn a_year_qualifier_shows_each_rows_figure_of_that_year() {
    let mut a = app(Lang::En, 100, 30);
    keys(&mut a, "/year:2021 src:d000");
    let row = line_with(&a, "New-energy vehicle output");
    assert!(row.contains("482,000 vehicles · 2021"), "{row}");
}

/// A dataset without records of a kind says so in that tab, not with a blank pane.
#[test]
fn empty_lists_say_why_in_both_languages() {
    let sources = std::fs::read_to_string("tests/fixtures/minimal/sources.ron").unwrap();
    let data = liuzhou_tui::data::Dataset::from_texts([&sources, "[]", "[]", "[]", "[]"]).unwrap();
    for (lang, kind, trends, citing) in [
        (Lang::En, "This dataset has no", "No indicator has figures for two", "No record cites this source"),
        (Lang::Zh, "没有这类记录", "没有哪项指标有两年或以上的数据", "没有记录引用这份来源"),
    ] {
        let mut a = App::new(data.clone(), lang, Theme::monochrome(), Rect::new(0, 0, 100, 20));
        for tab in ["1", "2", "3", "4"] {
            keys(&mut a, tab);
            assert!(screen(&a).contains(kind), "{tab}: {}", screen(&a));
        }
        keys(&mut a, "5");
        assert!(screen(&a).contains(trends), "{}", screen(&a));
        keys(&mut a, "6");
        step(&mut a, code(KeyCode::Enter));
        assert!(screen(&a).contains(citing), "{}", screen(&a));
    }
}

#[test]
fn help_overlay() {
    for lang in [Lang::Zh, Lang::En] {
        let mut a = app(lang, 100, 30);
        keys(&mut a, "?");
        insta::assert_snapshot!(format!("help_{lang:?}").to_lowercase(), screen(&a));
        step(&mut a, code(KeyCode::Esc));
        assert!(!screen(&a).contains("Esc or ? closes"));
    }
}

fn select(a: &mut App, id: &str) {
    let target = (0..a.data.industry.len())
        .map(Target::Industry)
        .chain((0..a.data.ecology.len()).map(Target::Ecology))
        .chain((0..a.data.timeline.len()).map(Target::Event))
        .find(|t| t.id(&a.data) == id)
        .unwrap();
    a.jump(target);
}

#[test]
fn disagreements_are_shown_side_by_side() {
    for lang in [Lang::Zh, Lang::En] {
        let mut a = app(lang, 100, 30);
        select(&mut a, "inspection-investment");
        let name = format!("disagreement_{lang:?}").to_lowercase();
        insta::assert_snapshot!(name, screen(&a));
    }
    let mut a = app(Lang::En, 100, 30);
    select(&mut a, "ev-decision-quality-city");
    let s = screen(&a);
    assert!(s.contains("2011 / 2012 — sources disagree"), "{s}");
}

#[test]
fn too_small_says_how_big_it_needs_to_be() {
    for (w, h) in [(20, 6), (39, 30), (100, 9)] {
        let s = screen(&app(Lang::En, w, h));
        assert!(s.contains("needs 40×10"), "{w}×{h}:\n{s}");
    }
    insta::assert_snapshot!("too_small_20x6", screen(&app(Lang::Zh, 20, 6)));
}

#[test]
fn tabs_switch_by_number_tab_key_and_h_l() {
    let mut a = app(Lang::En, 100, 30);
    keys(&mut a, "3");
    assert_eq!(a.tab, Tab::Timeline);
    step(&mut a, code(KeyCode::Tab));
    assert_eq!(a.tab, Tab::Livelihood);
    step(&mut a, code(KeyCode::BackTab));
    keys(&mut a, "h");
    assert_eq!(a.tab, Tab::Ecology);
    keys(&mut a, "hh");
    assert_eq!(a.tab, Tab::Sources);
    keys(&mut a, "l");
    assert_eq!(a.tab, Tab::Industry);
}

#[test]
fn lists_move_with_vim_keys_and_show_position() {
    let mut a = app(Lang::En, 100, 30);
    keys(&mut a, "jjj");
    assert!(screen(&a).contains("Industry 4/"));
    keys(&mut a, "G");
    let total = a.rows[0].entries.len();
    assert!(screen(&a).contains(&format!("Industry {total}/{total}")));
    keys(&mut a, "kg");
    assert!(screen(&a).contains(&format!("Industry 1/{total}")));
    step(&mut a, code(KeyCode::PageDown));
    assert!(a.sel[0] > 10);
}

#[test]
fn mouse_clicks_select_tabs_and_rows_and_the_wheel_scrolls() {
    let mut a = app(Lang::En, 100, 30);
    let click = |x, y| {
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: x,
            row: y,
            modifiers: KeyModifiers::NONE,
        })
    };
    // " 1 Industry  2 Ecology  3 Policy timeline…": column 14 is in "2 Ecology".
    step(&mut a, click(14, 0));
    assert_eq!(a.tab, Tab::Ecology);
    // The list starts on row 2 with the "Water" header; row 4 is the second entry.
    step(&mut a, click(5, 4));
    assert_eq!(a.sel[1], 1);
    let wheel =
        Event::Mouse(MouseEvent { kind: MouseEventKind::ScrollDown, column: 5, row: 5, modifiers: KeyModifiers::NONE });
    step(&mut a, wheel);
    assert_eq!(a.sel[1], 4);
}

#[test]
fn language_switches_every_label() {
    let mut a = app(Lang::En, 100, 30);
    assert!(screen(&a).contains("Industry"));
    keys(&mut a, "L");
    let s = screen(&a);
    assert!(s.contains("1 产业") && s.contains("│ 汽车整车产量") && !s.contains("Industry"), "{s}");
}

/// What `y` copies with nev-output selected, and the app after it.
fn copied_nev_output(lang: Lang) -> (String, App) {
    let mut a = app(lang, 100, 30);
    select(&mut a, "nev-output");
    let Some(Effect::Copy(text)) = step(&mut a, key('y')) else { panic!("no copy") };
    (text, a)
}

#[test]
fn copy_puts_the_figure_and_its_citation_on_the_clipboard() {
    let (text, a) = copied_nev_output(Lang::En);
    assert!(text.starts_with("新能源汽车产量 / New-energy vehicle output"), "{text}");
    assert!(
        text.contains("66.7万辆 (667,000 vehicles)") && text.contains("003_fe56452b05e9da5c.txt line 13"),
        "{text}"
    );
    assert!(screen(&a).contains("Copied: 新能源汽车产量"));
}

#[test]
fn sources_list_the_records_citing_them_and_jump_there() {
    let mut a = app(Lang::En, 100, 30);
    keys(&mut a, "6jjj"); // d003, the 2023 reply
    step(&mut a, code(KeyCode::Enter));
    let s = screen(&a);
    assert!(s.contains("Records citing d003"), "{s}");
    step(&mut a, code(KeyCode::Enter));
    assert_eq!(a.tab, Tab::Industry);
    let id = a.selected().unwrap().id(&a.data).to_owned();
    let cites_d003 = a.data.find(&id).unwrap().cited_sources().any(|s| s == "d003");
    assert!(cites_d003, "{id} does not cite d003");
}

/// An app that reads the documents from `dir`.
fn reading(lang: Lang, w: u16, h: u16, dir: &Path) -> App {
    let mut a = app(lang, w, h);
    a.shelf = Shelf::new(Docs::locate(Some(dir), None, None));
    a
}

/// Snapshots, in both languages at 100×30 and 41×12, of what `open` shows; each
/// holds every one of `expect`.
fn pane_snapshots(dir: &Path, name: &str, open: impl Fn(&mut App), expect: &[&str]) {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(100, 30), (41, 12)] {
            let mut a = reading(lang, w, h, dir);
            open(&mut a);
            let s = screen(&a);
            assert!(expect.iter().all(|e| s.contains(e)), "{s}");
            insta::assert_snapshot!(format!("{name}_{w}x{h}_{lang:?}").to_lowercase(), s);
        }
    }
}

/// The source pane's title row.
fn pane_title(a: &App) -> String {
    screen(a).lines().nth(1).unwrap_or_default().to_owned()
}

#[test]
fn the_source_pane_opens_at_the_cited_line_and_steps_through_citations() {
    let Some(dir) = seeds() else { return };
    let open = |a: &mut App| {
        select(a, "nev-output");
        step(a, key('o'));
    };
    pane_snapshots(&dir, "source_pane", open, &[">27 ", "1/4"]);
    let mut a = reading(Lang::En, 100, 30, &dir);
    select(&mut a, "nev-output");
    step(&mut a, key('o'));
    keys(&mut a, "nn");
    assert!(pane_title(&a).contains("d000:29 · 3/4 · 000_b8cc0d6731add1d4.txt"), "{}", pane_title(&a));
    assert!(screen(&a).contains(">29 "));
    keys(&mut a, "nn"); // round to the first again
    assert!(pane_title(&a).contains("d002:27 · 1/4"), "{}", pane_title(&a));
    keys(&mut a, "N");
    assert!(pane_title(&a).contains("d003:13 · 4/4"), "{}", pane_title(&a));
    // The list still moves, and the pane follows it.
    keys(&mut a, "j");
    assert_eq!(a.selected().unwrap().id(&a.data), "nev-growth");
    assert!(pane_title(&a).contains("1/5"), "{}", pane_title(&a));
    step(&mut a, code(KeyCode::Esc));
    assert!(a.reading.is_none() && screen(&a).contains("╭ Growth of new-energy vehicle output"));
}

#[test]
fn the_cited_figure_is_lit_in_its_line() {
    let Some(dir) = seeds() else { return };
    let mut a = reading(Lang::En, 100, 30, &dir);
    select(&mut a, "nev-output");
    keys(&mut a, "onn");
    let terminal = draw(&a);
    let buf = terminal.backend().buffer();
    // Reversed cells right of the gutter (x > 45): the list's selection and the cursor
    // line's number are reversed too.
    let lit: String = (0..buf.area.height)
        .flat_map(|y| (41..buf.area.width).map(move |x| (x, y)))
        .filter(|&(_, y)| y + 1 < buf.area.height)
        .filter(|&p| buf[p].modifier.contains(ratatui::style::Modifier::REVERSED) && p.0 > 45)
        .map(|p| buf[p].symbol().to_owned())
        .collect();
    assert_eq!(lit, "48.2万辆");
}

#[test]
fn a_whole_document_marks_its_cited_lines_and_enter_jumps_to_the_citing_record() {
    let Some(dir) = seeds() else { return };
    pane_snapshots(&dir, "document", |a| keys(a, "6o"), &[">17 ", "000_b8cc0d6731add1d4"]);
    let mut a = reading(Lang::En, 100, 30, &dir);
    keys(&mut a, "6o");
    keys(&mut a, "nnnnnnnnnn"); // to the 29th line, through the cited ones only
    while !screen(&a).contains(">29 ") {
        keys(&mut a, "n");
    }
    assert!(screen(&a).contains("Enter → New-energy vehicle output"), "{}", screen(&a));
    keys(&mut a, "k"); // line 28 cites nothing: Enter stays
    step(&mut a, code(KeyCode::Enter));
    assert_eq!(a.tab, Tab::Sources);
    keys(&mut a, "j");
    step(&mut a, code(KeyCode::Enter));
    assert_eq!((a.tab, a.selected().unwrap().id(&a.data)), (Tab::Industry, "nev-output"));
    assert!(a.reading.is_none());
}

#[test]
fn without_the_documents_the_pane_says_how_to_point_at_them() {
    let mut a = app(Lang::En, 57, 20);
    select(&mut a, "nev-output");
    step(&mut a, key('o'));
    let s = screen(&a);
    assert!(s.contains("--docs DIR") && s.contains("LIUZHOU_TUI_DOCS"), "{s}");
    let Some(dir) = seeds() else { return };
    let some = tempfile::tempdir().unwrap();
    std::fs::copy(dir.join("000_b8cc0d6731add1d4.txt"), some.path().join("000_b8cc0d6731add1d4.txt")).unwrap();
    let mut a = reading(Lang::Zh, 57, 20, some.path());
    select(&mut a, "nev-output");
    step(&mut a, key('o'));
    let s = screen(&a);
    assert!(s.contains("d002：") && s.contains("中没有 002_3ddb6b1ddc45815e.txt"), "{s}");
    keys(&mut a, "nn"); // d000 is there
    assert!(screen(&a).contains(">29 "), "{}", screen(&a));
}

#[test]
fn the_pane_follows_a_search_and_closes_with_another_tab() {
    let Some(dir) = seeds() else { return };
    let mut a = reading(Lang::En, 100, 30, &dir);
    select(&mut a, "nev-output");
    keys(&mut a, "o/");
    keys(&mut a, "螺蛳粉全产业链");
    step(&mut a, code(KeyCode::Enter));
    assert_eq!(a.selected().unwrap().id(&a.data), "luosifen-chain-revenue");
    assert_eq!(a.reading.as_ref().map(|r| r.target()), a.selected());
    keys(&mut a, "2");
    assert!(a.reading.is_none());
}

#[test]
fn a_click_on_a_citation_opens_the_pane_there() {
    let Some(dir) = seeds() else { return };
    let mut a = reading(Lang::En, 100, 30, &dir);
    select(&mut a, "nev-output");
    let s = screen(&a);
    let (y, row) = s.lines().enumerate().find(|(_, l)| l.contains("d000:29")).unwrap();
    let x = unicode_width::UnicodeWidthStr::width(&row[..row.find("d000:29").unwrap()]) as u16;
    let click = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: x + 2,
        row: y as u16,
        modifiers: KeyModifiers::NONE,
    };
    step(&mut a, Event::Mouse(click));
    assert!(pane_title(&a).contains("d000:29 · 3/4"), "{}", pane_title(&a));
}

/// Chinese copy is punctuated as Chinese: "，" between the parts, "第29行".
#[test]
fn chinese_copy_names_the_line_in_chinese() {
    let (text, _) = copied_nev_output(Lang::Zh);
    assert!(text.contains("，2022（推断），000_b8cc0d6731add1d4.txt 第29行"), "{text}");
    assert!(!text.contains(" line ") && !text.contains(", 20"), "{text}");
}

#[test]
fn english_copy_gives_the_sources_own_title_and_file() {
    let (text, _) = copied_nev_output(Lang::En);
    assert!(text.contains("《质量成就“柳州惊奇”》 000_b8cc0d6731add1d4.txt line 29"), "{text}");
    assert!(text.contains("《Quality makes the “Liuzhou marvel”》"), "{text}");
}

#[test]
fn finder_jumps_to_the_record_and_esc_returns() {
    let mut a = app(Lang::En, 100, 30);
    keys(&mut a, "jj/");
    keys(&mut a, "螺蛳粉全产业链");
    let f = draw(&a);
    // The real cursor sits after the query, for the input method's window.
    let pos = f.backend().cursor_position();
    assert_eq!(pos.y, 5);
    step(&mut a, code(KeyCode::Enter));
    assert_eq!(a.selected().unwrap().id(&a.data), "luosifen-chain-revenue");

    keys(&mut a, "/xyz");
    step(&mut a, code(KeyCode::Esc));
    assert_eq!(a.selected().unwrap().id(&a.data), "luosifen-chain-revenue");
    assert_eq!(a.tab, Tab::Industry);
}

/// The open finder.
fn finder(a: &App) -> &Finder {
    match &a.overlay {
        Overlay::Finder(f) => f,
        _ => panic!("the finder is not open"),
    }
}

/// Readline's keys edit the query a word (a term) at a time, and Alt with a letter
/// is not typed.
#[test]
fn the_finder_edits_the_query_a_word_at_a_time() {
    let with = |code: KeyCode, m: KeyModifiers| Event::Key(KeyEvent::new(code, m));
    let mut a = app(Lang::En, 100, 30);
    keys(&mut a, "/quality city steel");
    step(&mut a, with(KeyCode::Char('w'), KeyModifiers::CONTROL));
    assert_eq!(finder(&a).input.text(), "quality city ");
    step(&mut a, with(KeyCode::Char('x'), KeyModifiers::ALT));
    assert_eq!(finder(&a).input.text(), "quality city ", "Alt-x is not text");
    step(&mut a, with(KeyCode::Char('b'), KeyModifiers::ALT));
    step(&mut a, with(KeyCode::Left, KeyModifiers::CONTROL));
    step(&mut a, with(KeyCode::Char('k'), KeyModifiers::CONTROL));
    assert_eq!(finder(&a).input.text(), "");
    keys(&mut a, "water year:2020");
    step(&mut a, with(KeyCode::Backspace, KeyModifiers::ALT));
    assert_eq!(finder(&a).input.text(), "water ");
    assert!(screen(&a).contains("found"), "the search follows the edit: {}", screen(&a));
}

#[test]
fn the_finder_counts_every_match_and_scrolls_through_them() {
    let all = SearchIndex::new(liuzhou_tui::embedded().unwrap()).search("i", 10_000).unwrap().total;
    assert!(all > FINDER_LIMIT, "the query must match more than a page: {all}");
    let mut a = app(Lang::En, 100, 30);
    keys(&mut a, "/i");
    // The count is of every match, not of the page held.
    assert!(screen(&a).contains(&format!("{all} found · ↑↓ select")), "{}", screen(&a));
    assert_eq!(finder(&a).hits.len(), FINDER_LIMIT);
    for _ in 0..all {
        step(&mut a, code(KeyCode::PageDown));
    }
    let f = finder(&a);
    assert_eq!((f.hits.len(), f.sel), (all, all - 1), "paged to the last match of all");
    let s = screen(&a);
    assert!(s.contains(&format!("{all} found · ↑↓ select")), "{s}");
    step(&mut a, code(KeyCode::Up));
    assert_eq!(finder(&a).sel, all - 2, "↑ in a finder with a query moves the selection");
    let mut a = app(Lang::Zh, 100, 30);
    keys(&mut a, "/i");
    assert!(screen(&a).contains(&format!("{all} 项")), "{}", screen(&a));
}

#[test]
fn the_finder_selection_stays_in_view_when_the_screen_shrinks() {
    let mut a = app(Lang::En, 100, 30);
    keys(&mut a, "/i");
    step(&mut a, code(KeyCode::PageDown));
    step(&mut a, code(KeyCode::PageDown));
    step(&mut a, Event::Resize(41, 12));
    let terminal = draw(&a);
    let buf = terminal.backend().buffer();
    // The finder's rows at 41×12 are 4 to 9; the selected one is drawn reversed.
    let reversed = |y: u16| buf[(5, y)].style().add_modifier.contains(Modifier::REVERSED);
    assert!((4..10).any(reversed), "{}", text(&terminal));
}

#[test]
fn finder_rows_show_the_headline_figure_in_both_languages_at_both_sizes() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(100, 30), (41, 12)] {
            let mut a = app(lang, w, h);
            keys(&mut a, "/luosifen");
            let name = format!("finder_{w}x{h}_{lang:?}").to_lowercase();
            insta::assert_snapshot!(name, screen(&a));
        }
    }
}

/// A word found in a summary rather than a title shows the text around it, lit.
#[test]
fn finder_rows_show_where_a_body_match_is_in_both_languages_at_both_sizes() {
    for (lang, query) in [(Lang::Zh, "地级市"), (Lang::En, "prefecture")] {
        for (w, h) in [(100, 30), (41, 12)] {
            let mut a = app(lang, w, h);
            keys(&mut a, &format!("/{query}"));
            let f = finder(&a);
            let snippet = f.hits[0].snippet.as_ref().expect("a body match has a snippet");
            assert!(snippet.text.to_lowercase().contains(query), "{snippet:?}");
            let name = format!("finder_body_{w}x{h}_{lang:?}").to_lowercase();
            insta::assert_snapshot!(name, screen(&a));
        }
    }
}

#[test]
fn a_finder_row_keeps_its_figure_and_year_at_every_width() {
    for lang in [Lang::Zh, Lang::En] {
        let figure = match lang {
            Lang::Zh => "超过600亿元 · 2022",
            Lang::En => "over 60 billion yuan · 2022",
        };
        for w in 41..=140 {
            let mut a = app(lang, w, 12);
            keys(&mut a, "/luosifen");
            let s = screen(&a);
            let row = s.lines().nth(4).unwrap();
            assert!(row.contains(figure), "{lang:?} at {w} columns: {row}");
        }
    }
}

#[test]
fn question_mark_in_the_finder_shows_the_query_language_and_any_key_returns() {
    for lang in [Lang::Zh, Lang::En] {
        let mut a = app(lang, 100, 30);
        keys(&mut a, "/luosifen?");
        let name = format!("finder_help_{lang:?}").to_lowercase();
        insta::assert_snapshot!(name, screen(&a));
        keys(&mut a, "x");
        let f = finder(&a);
        assert_eq!(f.help, None);
        assert_eq!(f.input.text(), "luosifen", "the key that closes the help is not typed");
        assert_eq!(f.hits.first().map(|h| a.data.records().nth(h.entry).unwrap().id()), Some("luosifen-chain-revenue"));
    }
}

#[test]
fn up_in_an_empty_finder_recalls_earlier_queries_newest_first() {
    let mut a = app(Lang::En, 100, 30);
    // Enter on a result records its query; so does Esc with a query; a repeat is kept once.
    for (query, close) in [("zlqs", KeyCode::Enter), ("luosifen", KeyCode::Esc), ("luosifen", KeyCode::Esc)] {
        keys(&mut a, &format!("/{query}"));
        step(&mut a, code(close));
    }
    keys(&mut a, "/");
    assert!(screen(&a).contains("↑ earlier searches"));
    let mut recalled = Vec::new();
    for k in [KeyCode::Up, KeyCode::Up, KeyCode::Up, KeyCode::Down, KeyCode::Down] {
        step(&mut a, code(k));
        recalled.push(finder(&a).input.text().to_owned());
    }
    assert_eq!(recalled, ["luosifen", "zlqs", "zlqs", "luosifen", ""]);
    // A recalled query finds what typing it finds, and Enter jumps to its best match.
    step(&mut a, code(KeyCode::Up));
    step(&mut a, code(KeyCode::Up));
    assert!(screen(&a).contains("Decision on the quality-city strategy"), "{}", screen(&a));
    // Once in the results, ↑ moves there again.
    step(&mut a, code(KeyCode::PageDown));
    step(&mut a, code(KeyCode::Up));
    assert_eq!(finder(&a).input.text(), "zlqs");
    assert_eq!(finder(&a).sel, finder(&a).hits.len() - 2);
    keys(&mut a, "?x");
    step(&mut a, code(KeyCode::PageUp));
    step(&mut a, code(KeyCode::Enter));
    assert_eq!(a.selected().unwrap().id(&a.data), "ev-decision-quality-city");
}

#[test]
fn a_query_error_shows_in_the_hint_line_in_the_warning_style() {
    let mut a = app(Lang::En, 100, 30);
    keys(&mut a, "/luosifen colour:red");
    let terminal = draw(&a);
    let s = text(&terminal);
    let hint = s.lines().nth(6).unwrap();
    assert!(hint.contains("│unknown qualifier `colour:`"), "{hint}");
    assert!(!s.contains("found ·"), "the error takes the count's place");
    assert!(finder(&a).hits.is_empty(), "a query in error finds nothing");
    let warn = Theme::monochrome().warn;
    let x = hint.chars().position(|c| c == 'u').unwrap() as u16;
    assert_eq!(terminal.backend().buffer()[(x, 6)].style().add_modifier, warn.add_modifier);
    // In Chinese too, and mending the query brings the results back.
    let mut a = app(Lang::Zh, 100, 30);
    keys(&mut a, "/year:20x");
    let hint = screen(&a).lines().nth(6).unwrap().to_owned();
    assert!(hint.contains("year: 不能取 20x；可取年份或年份范围"), "{hint}");
    assert!(!hint.contains("a year") && !hint.contains(" or "), "no English words in the Chinese: {hint}");
    step(&mut a, code(KeyCode::Backspace));
    keys(&mut a, "21");
    assert!(screen(&a).contains(" 项 · ↑↓ 选择"), "{}", screen(&a));
}

#[test]
fn an_index_built_ahead_finds_what_one_built_on_demand_finds() {
    let (mut ahead, mut on_demand) = (app(Lang::En, 100, 30), app(Lang::En, 100, 30));
    ahead.index_ahead();
    keys(&mut ahead, "/zlqs");
    keys(&mut on_demand, "/zlqs");
    assert!(screen(&ahead).contains("Decision on the quality-city strategy"));
    assert_eq!(screen(&ahead), screen(&on_demand));
}

#[test]
fn q_and_ctrl_c_quit() {
    let mut a = app(Lang::En, 100, 30);
    keys(&mut a, "q");
    assert!(a.quit);
    let mut a = app(Lang::En, 100, 30);
    keys(&mut a, "/q"); // in the finder, q is text
    assert!(!a.quit);
    step(&mut a, Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)));
    assert!(a.quit);
}

/// Enter shows the source (publisher, date, why the date is inferred, summary), then
/// the records citing it; Esc steps back through both.
#[test]
fn on_a_narrow_screen_enter_shows_the_source_then_the_records_citing_it() {
    let mut a = app(Lang::En, 57, 20);
    keys(&mut a, "6");
    step(&mut a, code(KeyCode::Enter));
    let s = screen(&a);
    assert!(s.contains("Publisher") && s.contains("Backs 45 figures and dates · Enter lists"), "{s}");
    step(&mut a, code(KeyCode::Enter));
    let s = screen(&a);
    assert!(s.contains("Records citing d000"), "{s}");
    step(&mut a, code(KeyCode::Esc));
    assert!(screen(&a).contains("Publisher"), "{}", screen(&a));
    step(&mut a, code(KeyCode::Esc));
    assert!(screen(&a).contains("╭ Sources"));
}

/// The keys of one entry of the help list: "1–5  Tab  h/l" gives 1, 5, Tab, h and l;
/// "Ctrl-d/u" gives Ctrl-d and Ctrl-u.
fn help_keys(entry: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for group in entry.split_whitespace() {
        if group == "/" {
            keys.push(group.to_owned());
            continue;
        }
        let mut parts = group.split(['/', '–']);
        let first = parts.next().unwrap_or_default();
        let prefix = first.find('-').map_or("", |i| &first[..=i]);
        keys.push(first.to_owned());
        keys.extend(parts.map(|p| if p.contains('-') { p.to_owned() } else { format!("{prefix}{p}") }));
    }
    keys
}

#[test]
fn the_readme_key_table_lists_the_keys_the_help_lists() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = readme.split("\n## Keys").nth(1).expect("a \"## Keys\" section");
    let rows = section.lines().skip_while(|l| !l.starts_with('|')).take_while(|l| l.starts_with('|')).skip(2);
    // The backticked keys of each row's first cell.
    let in_readme: std::collections::BTreeSet<String> = rows
        .flat_map(|row| {
            let cell = row.split('|').nth(1).unwrap_or_default();
            cell.split('`').skip(1).step_by(2).map(str::to_owned).collect::<Vec<_>>()
        })
        .collect();
    // The mouse is no key: the README describes it under the table.
    let in_help: std::collections::BTreeSet<String> =
        keymap::HELP.iter().flat_map(|(keys, _)| help_keys(keys)).filter(|k| k != "mouse").collect();
    assert!(in_help.contains("Ctrl-u") && in_help.contains("6"), "{in_help:?}");
    assert_eq!(in_readme, in_help);
}

/// The timeline's date column is as wide as its widest date, so "不晚于2022-06-30"
/// shows whole wherever a third of the row can hold it.
#[test]
fn timeline_dates_show_whole_when_the_row_has_room() {
    let mut a = app(Lang::Zh, 57, 40);
    keys(&mut a, "3G");
    let screen = text(&draw(&a));
    let dated: Vec<&str> = screen.lines().filter(|l| l.contains("不晚于20")).collect();
    assert!(!dated.is_empty(), "{screen}");
    for line in dated {
        let date = line.trim_start_matches('│').split(' ').next().unwrap();
        assert!(!date.contains('…'), "a date cut short: {line}");
    }
    assert!(screen.contains("不晚于2023-05-26"), "{screen}");
}

fn ctrl(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// Sources, the records citing d000, two rows down: the place jumps leave from.
fn citing_list(lang: Lang, w: u16, h: u16) -> App {
    let mut a = app(lang, w, h);
    keys(&mut a, "6");
    step(&mut a, code(KeyCode::Enter));
    if a.citing.is_none() {
        // A narrow screen showed the source first.
        step(&mut a, code(KeyCode::Enter));
    }
    keys(&mut a, "jj");
    a
}

#[test]
fn ctrl_o_backspace_and_esc_return_to_exactly_where_a_jump_left() {
    for (w, h) in [(100, 30), (57, 20)] {
        for back in [ctrl('o'), code(KeyCode::Backspace), code(KeyCode::Esc)] {
            let mut a = citing_list(Lang::En, w, h);
            let before = screen(&a);
            assert!(before.contains("Records citing d000") && before.contains("Sources 3/"), "{before}");
            step(&mut a, code(KeyCode::Enter));
            let landed = screen(&a);
            assert_ne!(a.tab, Tab::Sources);
            step(&mut a, back.clone());
            assert_eq!(screen(&a), before, "{w}×{h} {back:?}");
            // Forward again lands where the jump did.
            step(&mut a, ctrl('n'));
            assert_eq!(screen(&a), landed, "{w}×{h} {back:?}");
            step(&mut a, ctrl('i'));
            assert_eq!(screen(&a), landed, "nothing further ahead");
        }
    }
}

#[test]
fn back_and_forth_walk_several_jumps_and_the_finder_is_a_jump_too() {
    let mut a = app(Lang::En, 100, 30);
    keys(&mut a, "jj");
    let start = screen(&a);
    keys(&mut a, "/");
    keys(&mut a, "yangzijing");
    step(&mut a, code(KeyCode::Enter));
    let bauhinia = screen(&a);
    assert!(bauhinia.contains("╭ Bauhinia trees"), "{bauhinia}");
    keys(&mut a, "6jjj");
    step(&mut a, code(KeyCode::Enter));
    keys(&mut a, "j");
    let citing = screen(&a);
    step(&mut a, code(KeyCode::Enter));
    let landed = screen(&a);
    // Switching tabs records nothing: from the citing list, back goes to where the
    // finder's jump left.
    step(&mut a, ctrl('o'));
    assert_eq!(screen(&a), citing);
    step(&mut a, ctrl('o'));
    assert_eq!(screen(&a), start);
    step(&mut a, ctrl('o'));
    assert_eq!(screen(&a), start, "nothing further back");
    step(&mut a, ctrl('n'));
    step(&mut a, ctrl('n'));
    assert_eq!(screen(&a), landed);
}

#[test]
fn a_tab_keeps_its_place_and_its_open_list_while_another_shows() {
    let mut a = citing_list(Lang::En, 100, 30);
    let sources = screen(&a);
    step(&mut a, code(KeyCode::Enter)); // jump away
    keys(&mut a, "6");
    assert_eq!(screen(&a), sources, "6 returns to the citing list, same row");
    keys(&mut a, "1G");
    step(&mut a, ctrl('d'));
    let industry = screen(&a);
    keys(&mut a, "3j1");
    assert_eq!(screen(&a), industry, "selection, offset and scroll kept");
}

#[test]
fn a_citing_list_closed_and_opened_again_returns_to_its_row() {
    let mut a = citing_list(Lang::En, 100, 30);
    let before = screen(&a);
    step(&mut a, code(KeyCode::Esc));
    assert!(!screen(&a).contains("Records citing"));
    step(&mut a, code(KeyCode::Enter));
    assert_eq!(screen(&a), before);
    // Another source's list starts at its first record.
    step(&mut a, code(KeyCode::Esc));
    keys(&mut a, "j");
    step(&mut a, code(KeyCode::Enter));
    assert!(screen(&a).contains("Records citing d001") && screen(&a).contains("Sources 1/"));
}

#[test]
fn with_nothing_to_go_back_to_backspace_and_esc_close_as_before() {
    let mut a = citing_list(Lang::En, 100, 30);
    step(&mut a, code(KeyCode::Backspace));
    assert!(screen(&a).contains("╭ Sources"));
    assert!(!screen(&a).contains("Records citing"));
    step(&mut a, ctrl('o'));
    assert_eq!(a.tab, Tab::Sources);
}

/// The tab bar's row as text, with each tab in turn the current one.
fn tab_bars(lang: Lang, w: u16) -> String {
    let mut a = app(lang, w, 12);
    Tab::ALL
        .iter()
        .map(|&tab| {
            a.update(Msg::GoTo(tab));
            screen(&a).lines().next().unwrap().trim_end().to_owned() + "\n"
        })
        .collect()
}

#[test]
fn tab_bars_shorten_titles_before_dropping_any() {
    for w in [40, 57, 73] {
        for lang in [Lang::Zh, Lang::En] {
            insta::assert_snapshot!(format!("tab_bar_{w}_{lang:?}").to_lowercase(), tab_bars(lang, w));
        }
    }
}

#[test]
fn every_tab_keeps_a_title_at_every_width_from_40() {
    for lang in [Lang::Zh, Lang::En] {
        for w in 40..=200 {
            for line in tab_bars(lang, w).lines() {
                for tab in Tab::ALL {
                    let n = tab.index() + 1;
                    let shown = [tab.title(lang), tab.short_title(lang)]
                        .iter()
                        .any(|t| line.contains(&format!("{n} {t}")) || line.contains(&format!("{n}{t}")));
                    assert!(shown, "{lang:?} at {w}: no title for {tab:?} in {line:?}");
                }
            }
        }
    }
}

/// Every figure visible: each Industry and Ecology row ends in a figure of its record,
/// whole, at the list's width as laid out; the name is what gets cut.
#[test]
fn every_indicator_row_shows_its_figure() {
    for lang in [Lang::En, Lang::Zh] {
        for (w, h) in [(100, 30), (41, 12), (160, 40)] {
            for tab in [Tab::Industry, Tab::Ecology] {
                let mut a = app(lang, w, h);
                a.update(Msg::GoTo(tab));
                let width = usize::from(geometry::list_area(&a).unwrap().width);
                for target in a.rows[tab.index()].entries.iter().filter_map(|&r| match &a.rows[tab.index()].rows[r] {
                    Row::Entry(t) => Some(*t),
                    Row::Header(_) => None,
                }) {
                    let ind = match target {
                        Target::Industry(k) => &a.data.industry[k],
                        Target::Ecology(k) => &a.data.ecology[k],
                        _ => unreachable!(),
                    };
                    let line = target.view(&a.data).list_line(&a.ctx(), width).to_string();
                    let reported = ind.points.iter().filter(|p| p.kind == Kind::Reported);
                    let shown = reported.clone().any(|p| line.ends_with(&format!(" {}", p.display(lang))));
                    assert!(shown || reported.count() == 0, "{lang:?} {w}×{h} {}: {line:?}", ind.id);
                }
            }
        }
    }
}

#[test]
fn the_list_pane_grows_with_the_width_up_to_its_longest_row() {
    // One app resized, wider and wider: a width measured only as far as a narrower
    // screen needed is measured again.
    let mut a = app(Lang::En, 80, 40);
    let list_width = |w: u16| {
        a.update(Msg::Resize(w, 40));
        let s = screen(&a);
        let row = s.lines().nth(1).unwrap().to_owned();
        row.find("╮").map(|i| row[..i].chars().count() + 1).unwrap()
    };
    let widths: Vec<usize> = [80, 100, 120, 160, 200, 240].into_iter().map(list_width).collect();
    assert!(widths.windows(2).all(|p| p[0] <= p[1]), "{widths:?}");
    assert!(widths[3] > 46, "at 160 columns the list is {}", widths[3]);
    // The longest English Industry row: its name and its figure, uncut.
    let a = app(Lang::En, 240, 40);
    let need = a.list_need(usize::MAX);
    assert_eq!(widths[5], need + 2, "{widths:?}");
    assert!(!screen(&a).lines().any(|l| l.contains('…') && l.starts_with('│')), "nothing cut at 240:\n{}", screen(&a));
}

#[test]
fn the_export_prompt_at_both_sizes_in_both_languages() {
    for (w, h) in [(100, 30), (41, 12)] {
        for lang in [Lang::Zh, Lang::En] {
            let mut a = app(lang, w, h);
            keys(&mut a, "e");
            insta::assert_snapshot!(format!("export_prompt_{w}x{h}_{lang:?}").to_lowercase(), screen(&a));
            // Before a file is replaced, the prompt asks (a relative path, so the
            // screen is the same wherever the test runs).
            step(&mut a, Event::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)));
            keys(&mut a, "x.csv");
            let Overlay::Export { prompt, .. } = &mut a.overlay else { panic!("no prompt") };
            prompt.replacing = true;
            insta::assert_snapshot!(format!("export_replace_{w}x{h}_{lang:?}").to_lowercase(), screen(&a));
        }
    }
}

#[test]
fn going_back_after_a_jump_from_a_document_reopens_it_where_it_was() {
    let Some(dir) = seeds() else { return };
    for (w, h) in [(100, 30), (41, 12)] {
        let mut a = reading(Lang::En, w, h, &dir);
        keys(&mut a, "6onn");
        let before = screen(&a);
        step(&mut a, code(KeyCode::Enter));
        assert_ne!(a.tab, Tab::Sources, "{w}×{h}: Enter on a cited line jumps");
        step(&mut a, ctrl('o'));
        assert_eq!(screen(&a), before, "{w}×{h}");
        // A tab keeps its open document while another shows.
        keys(&mut a, "16");
        assert_eq!(screen(&a), before, "{w}×{h}");
    }
}

#[test]
fn a_comparison_of_nev_output_and_luosifen_revenue() {
    for (w, h) in [(100, 30), (41, 12)] {
        for lang in [Lang::Zh, Lang::En] {
            let mut a = app(lang, w, h);
            select(&mut a, "nev-output");
            keys(&mut a, " ");
            select(&mut a, "luosifen-sales-revenue");
            keys(&mut a, " c");
            insta::assert_snapshot!(format!("compare_{w}x{h}_{lang:?}").to_lowercase(), screen(&a));
            step(&mut a, code(KeyCode::Esc));
            assert_eq!(a.mode(), keymap::Mode::Normal);
        }
    }
}

#[test]
fn a_comparison_with_a_rank_says_which_way_is_better() {
    for (others, en, zh) in [
        ("luosifen-sales-revenue", "index, first year = 100 · ranks: up is better", "首年 = 100 · 排名：向上为进步"),
        ("vehicle-output-rank", "raw values in rank · ranks: down is better", "原始值（位） · 排名：向下为进步"),
    ] {
        for (lang, note) in [(Lang::En, en), (Lang::Zh, zh)] {
            let mut a = app(lang, 120, 30);
            select(&mut a, "water-surface-rank");
            keys(&mut a, " ");
            select(&mut a, others);
            keys(&mut a, " c");
            assert!(screen(&a).contains(note), "{}", screen(&a));
        }
    }
    let mut a = app(Lang::En, 120, 30);
    select(&mut a, "nev-output");
    keys(&mut a, " ");
    select(&mut a, "luosifen-sales-revenue");
    keys(&mut a, " c");
    assert!(!screen(&a).contains("ranks"), "no rank, no word of ranks");
}

#[test]
fn marks_show_in_the_list_and_the_status_line_and_stop_at_six() {
    let mut a = app(Lang::En, 100, 30);
    select(&mut a, "nev-output");
    keys(&mut a, " ");
    let s = screen(&a);
    assert!(s.contains("│● New-energy vehicle"), "{s}");
    assert!(s.contains("1 marked · c compares"), "{s}");
    keys(&mut a, " ");
    assert!(!screen(&a).contains("marked"), "Space again unmarks");
    // One with no figure for a year has nothing to chart: it is not marked.
    select(&mut a, "sgmw-cumulative-output");
    keys(&mut a, " ");
    assert!(a.marks.is_empty() && screen(&a).contains("no figures by year to compare"), "{}", screen(&a));
    let dated = ["vehicle-output", "vehicle-output-rank", "nev-output", "nev-growth", "sgmw-nev-sales"];
    for id in dated.into_iter().chain(["sgmw-nev-years-to-million", "sgmw-nev-global-rank"]) {
        select(&mut a, id);
        keys(&mut a, " ");
    }
    assert_eq!(a.marks.len(), 6);
    assert!(screen(&a).contains("At most 6 compared"));
    keys(&mut a, "c");
    let s = screen(&a);
    assert!(["●", "■", "▲", "◆", "★", "▼"].iter().all(|m| s.contains(m)), "{s}");
    keys(&mut a, "c3 ");
    assert!(screen(&a).contains("Only indicators can be compared"));
}

#[test]
fn c_with_nothing_marked_says_how_to_mark() {
    let mut a = app(Lang::Zh, 100, 30);
    keys(&mut a, "c");
    assert_eq!(a.mode(), keymap::Mode::Normal);
    assert!(screen(&a).contains("先用空格标记"));
}

#[test]
fn trends_sort_cycles_and_enter_opens_the_record_in_its_tab() {
    let mut a = app(Lang::En, 100, 30);
    keys(&mut a, "5");
    assert_eq!(a.tab, Tab::Trends);
    let first = |a: &App| a.rows[Tab::Trends.index()].target(0).unwrap().id(&a.data).to_owned();
    assert_eq!(first(&a), "nev-growth", "by name, in English: Growth of…");
    keys(&mut a, "s");
    assert!(screen(&a).contains("Trends · by change"));
    assert_eq!(first(&a), "nev-output", "the largest percent rise first");
    keys(&mut a, "s");
    assert!(screen(&a).contains("Trends · by latest year"));
    keys(&mut a, "s");
    assert!(screen(&a).contains("Trends · by name"));
    keys(&mut a, "G");
    let id = a.selected().unwrap().id(&a.data).to_owned();
    step(&mut a, code(KeyCode::Enter));
    assert_eq!(a.tab, Tab::Ecology);
    assert_eq!(a.selected().unwrap().id(&a.data), id);
}

/// The NEV chart shows the computed 2019 figure as such, and in English counts in
/// vehicles as the table does, not in 10,000s.
#[test]
fn charts_keep_computed_years_and_the_tables_unit() {
    for (lang, unit, latest) in [(Lang::En, " (vehicles)", "667,000"), (Lang::Zh, "（万辆）", "66.7")] {
        let mut a = app(lang, 100, 40);
        select(&mut a, "nev-output");
        let s = screen(&a);
        assert!(s.contains(&format!("{} 2019–2022 ⣀▂▆█", if lang == Lang::En { "Trend" } else { "趋势" })), "{s}");
        assert!(s.contains(unit) && s.contains(latest), "{s}");
        let legend = if lang == Lang::En { "⣿ computed│" } else { "⣿ 推算值│" };
        let title = s.lines().find(|l| l.contains(unit)).unwrap();
        assert!(title.ends_with(legend), "the chart's legend, at the right of its title: {s}");
        let bars = s.lines().filter(|l| l.contains("⣿⣿⣿") || l.contains("⣀⣀⣀") || l.contains("⣤⣤⣤")).count();
        assert!(bars >= 1, "the 2019 bar is drawn in dots: {s}");
    }
}

/// Without documents, `o` says once how to point the program at them.
#[test]
fn the_source_pane_without_documents_says_how_to_get_them() {
    let mut a = app(Lang::En, 100, 30);
    keys(&mut a, "o");
    let s = screen(&a);
    assert!(s.contains("Point it at"), "{s}");
    assert_eq!(s.matches("--docs").count(), 1, "said once: {s}");
    // A whole document that is not there offers no line to step to or jump from.
    keys(&mut a, "6o");
    assert!(screen(&a).contains("Esc closes ╯") && !screen(&a).contains("Enter →"), "{}", screen(&a));
    step(&mut a, code(KeyCode::Enter));
    assert_eq!(a.tab, Tab::Sources, "Enter jumps nowhere");
}

/// On a small screen both helps scroll instead of losing their last rows.
#[test]
fn the_helps_scroll_where_they_do_not_fit() {
    for (lang, scroll, first, last) in
        [(Lang::En, "↑↓ scroll", "switch tab", "wheel scrolls"), (Lang::Zh, "↑↓ 滚动", "切换标签页", "滚轮滚动")]
    {
        let mut a = app(lang, 41, 12);
        keys(&mut a, "?");
        let s = screen(&a);
        assert!(s.contains(scroll) && s.contains(first) && !s.contains(last), "{s}");
        keys(&mut a, "G");
        let s = screen(&a);
        assert!(s.contains(last) && !s.contains(first), "{s}");
        keys(&mut a, "jjj");
        assert_eq!(screen(&a), s, "the end stays the end");
        keys(&mut a, "g");
        assert!(screen(&a).contains(first), "{}", screen(&a));
        // At 100×30 it fits, and says nothing of scrolling.
        let mut a = app(lang, 100, 40);
        keys(&mut a, "?");
        assert!(!screen(&a).contains(scroll), "{}", screen(&a));
    }
    let mut a = app(Lang::En, 41, 12);
    keys(&mut a, "/?");
    assert!(screen(&a).contains("↑↓ scroll"), "{}", screen(&a));
    assert!(!screen(&a).contains("move by words"));
    for _ in 0..5 {
        step(&mut a, code(KeyCode::PageDown));
    }
    assert!(screen(&a).contains("move by words"), "the last row: {}", screen(&a));
    keys(&mut a, "x");
    assert_eq!((finder(&a).help, finder(&a).input.text()), (None, ""), "another key closes it, untyped");
}

/// The Trends list is made when its tab first shows, in the language of the day, and
/// stays made.
#[test]
fn trends_are_made_when_first_shown() {
    let mut a = app(Lang::En, 100, 30);
    assert!(a.trends.is_none() && a.rows[Tab::Trends.index()].entries.is_empty());
    keys(&mut a, "L5");
    let s = screen(&a);
    assert!(a.trends.is_some() && s.contains("趋势 1/7"), "{s}");
    let first = s.lines().nth(2).unwrap_or_default().to_owned();
    assert!(first.contains("袋装螺蛳粉"), "by pinyin, daizhuang… first: {s}");
    keys(&mut a, "1L5");
    assert!(screen(&a).lines().nth(2).unwrap_or_default().contains("Growth of new-energy"), "{}", screen(&a));
}

/// Sorted by change, a narrow Trends row keeps the change it is sorted by, saying the
/// noun the last figure it gave up would have said.
#[test]
fn trends_sorted_by_change_show_the_change_on_a_narrow_screen() {
    let mut a = app(Lang::En, 57, 20);
    keys(&mut a, "5");
    assert!(!screen(&a).contains("+964%"), "by name, the last figure comes first: {}", screen(&a));
    keys(&mut a, "s");
    let s = screen(&a);
    assert!(s.contains("by change") && s.contains("+604,300 vehicles +964%"), "{s}");
    assert!(s.contains("+4.176 billion yuan +38%") && s.contains("+4.29 points"), "{s}");
}
