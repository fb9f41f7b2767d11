//! The browser driven as the real loop drives it: events → messages → update → draw,
//! on a `TestBackend`. Snapshots pin each screen; the other tests pin behaviour.

use liuzhou_tui::data::Lang;
use liuzhou_tui::tui::action::{Effect, Msg};
use liuzhou_tui::tui::app::App;
use liuzhou_tui::tui::keymap;
use liuzhou_tui::tui::tabs::{Tab, Target};
use liuzhou_tui::tui::theme::Theme;
use liuzhou_tui::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

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

#[test]
fn copy_puts_the_figure_and_its_citation_on_the_clipboard() {
    let mut a = app(Lang::En, 100, 30);
    select(&mut a, "nev-output");
    let Some(Effect::Copy(text)) = step(&mut a, key('y')) else { panic!("no copy") };
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
    keys(&mut a, "5jjj"); // d003, the 2023 reply
    step(&mut a, code(KeyCode::Enter));
    let s = screen(&a);
    assert!(s.contains("Records citing d003"), "{s}");
    step(&mut a, code(KeyCode::Enter));
    assert_eq!(a.tab, Tab::Industry);
    let id = a.selected().unwrap().id(&a.data).to_owned();
    let cites_d003 = a.data.find(&id).unwrap().cited_sources().any(|s| s == "d003");
    assert!(cites_d003, "{id} does not cite d003");
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

#[test]
fn the_finder_says_when_it_shows_only_the_best() {
    let mut a = app(Lang::En, 100, 30);
    keys(&mut a, "/i");
    assert!(screen(&a).contains("best 30 · ↑↓ select"), "{}", screen(&a));
    keys(&mut a, "mp");
    assert!(screen(&a).contains("found · ↑↓ select"), "{}", screen(&a));
    let mut a = app(Lang::Zh, 100, 30);
    keys(&mut a, "/i");
    assert!(screen(&a).contains("最佳 30 项"), "{}", screen(&a));
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

#[test]
fn on_a_narrow_screen_the_citing_records_replace_the_sources() {
    let mut a = app(Lang::En, 57, 20);
    keys(&mut a, "5");
    step(&mut a, code(KeyCode::Enter));
    let s = screen(&a);
    assert!(s.contains("Records citing d000"), "{s}");
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
    assert!(in_help.contains("Ctrl-u") && in_help.contains("5"), "{in_help:?}");
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
