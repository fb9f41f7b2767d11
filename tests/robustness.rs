//! Never a panic or a hang: every screen at every size, random event sequences, and
//! arbitrary bytes given to the loader. And the frames the event loop draws, keeping
//! what lies under the finder, are those drawn afresh.

use std::time::{Duration, Instant};

use liuzhou_tui::data::{Dataset, Lang};
use liuzhou_tui::tui::action::{Edit, Msg};
use liuzhou_tui::tui::app::App;
use liuzhou_tui::tui::keymap;
use liuzhou_tui::tui::tabs::Tab;
use liuzhou_tui::tui::theme::Theme;
use liuzhou_tui::tui::ui;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

/// A layout-solver hang (ratatui#1855) would blow far past this; a frame takes a
/// few milliseconds at most.
const DEADLINE: Duration = Duration::from_millis(50);

fn app(w: u16, h: u16) -> App {
    App::new(liuzhou_tui::embedded().unwrap(), Lang::Zh, Theme::colour(), Rect::new(0, 0, w, h))
}

/// A dataset of sources alone: every tab, Trends and each citing list empty.
fn sources_only(w: u16, h: u16) -> App {
    let data = Dataset::from_texts([minimal()[0], "[]", "[]", "[]", "[]"]).unwrap();
    App::new(data, Lang::En, Theme::colour(), Rect::new(0, 0, w, h))
}

/// Random keys can export (`e`, then Enter) to a file named relative to the working
/// directory: this binary's tests then work in a scratch folder of cargo's, not in the
/// checkout. No test here reads a path relative to it.
fn in_scratch_dir() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("robustness");
        std::fs::create_dir_all(&dir).unwrap();
        std::env::set_current_dir(&dir).unwrap();
    });
}

/// Draws and returns how long it took.
fn frame(app: &App) -> Duration {
    let mut terminal = Terminal::new(TestBackend::new(app.area.width, app.area.height)).unwrap();
    let t = Instant::now();
    terminal.draw(|f| ui::draw(app, f)).unwrap();
    t.elapsed()
}

#[test]
fn every_screen_at_every_size_from_0x0_to_120x50() {
    // The screens: each tab, the help overlay, the finder with results.
    type Screen = Box<dyn Fn(&mut App)>;
    let screens: Vec<Screen> = Tab::ALL
        .iter()
        .map(|&tab| Box::new(move |a: &mut App| drop(a.update(Msg::GoTo(tab)))) as Screen)
        .chain([
            Box::new(|a: &mut App| drop(a.update(Msg::ToggleHelp))) as Screen,
            Box::new(|a: &mut App| {
                a.update(Msg::OpenFinder);
                for c in "zlqs".chars() {
                    a.update(Msg::Edit(Edit::Insert(c)));
                }
            }),
        ])
        .collect();
    let mut worst = (Duration::ZERO, 0, 0, 0);
    for (k, open) in screens.iter().enumerate() {
        let mut a = app(0, 0);
        open(&mut a);
        for w in 0..=120 {
            for h in 0..=50 {
                a.update(Msg::Resize(w, h));
                // A slow frame is measured again: a hang stays slow, a hiccup of a busy
                // machine does not.
                let mut took = frame(&a);
                if took > DEADLINE {
                    took = frame(&a);
                }
                assert!(took < DEADLINE, "screen {k} at {w}×{h} took {took:?}");
                if took > worst.0 {
                    worst = (took, k, w, h);
                }
            }
        }
    }
    eprintln!("worst frame: {:?} (screen {} at {}×{})", worst.0, worst.1, worst.2, worst.3);
}

/// Feeds one event through the keymap and `update`, as the event loop does; false
/// once the app quits.
fn feed(a: &mut App, ev: &Event) -> bool {
    if let Some(msg) = keymap::to_msg(ev, a.mode()) {
        a.update(msg);
    }
    !a.quit
}

/// How many cases a property runs: `PROPTEST_CASES=N` runs longer than CI's default.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(default)
}

fn event() -> impl Strategy<Value = Event> {
    let key = |code| Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    prop_oneof![
        4 => prop::sample::select(vec![
            'j', 'k', 'h', 'l', 'g', 'G', 'J', 'K', 'L', '?', '/', 'y', 'q', '1', '2', '3', '4', '5', '6', ' ', 'c', 's',
            'z', '柳', 'é', 'o', 'n', 'N', ':', '!', '|', '^', '$', '\'',
        ])
            .prop_map(move |c| key(KeyCode::Char(c))),
        3 => prop::sample::select(vec![
            KeyCode::Enter, KeyCode::Esc, KeyCode::Tab, KeyCode::BackTab, KeyCode::Up, KeyCode::Down, KeyCode::Left,
            KeyCode::Right, KeyCode::PageUp, KeyCode::PageDown, KeyCode::Home, KeyCode::End, KeyCode::Backspace,
            KeyCode::Delete, KeyCode::F(1),
        ])
        .prop_map(key),
        1 => prop::sample::select(vec!['d', 'u', 'n', 'p', 'a', 'e', 'z', 'w', 'k', 'o', 'i', 's'])
            .prop_map(|c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))),
        1 => (
            prop::sample::select(vec![
                KeyCode::Char('b'), KeyCode::Char('f'), KeyCode::Char('x'), KeyCode::Backspace, KeyCode::Left,
                KeyCode::Right,
            ]),
            prop::sample::select(vec![KeyModifiers::ALT, KeyModifiers::CONTROL]),
        )
            .prop_map(|(code, m)| Event::Key(KeyEvent::new(code, m))),
        2 => (0u16..320, 0u16..110, prop::sample::select(vec![
            MouseEventKind::Down(MouseButton::Left), MouseEventKind::ScrollDown, MouseEventKind::ScrollUp,
        ]))
        .prop_map(|(column, row, kind)| Event::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE })),
        2 => (0u16..=300, 0u16..=100).prop_map(|(w, h)| Event::Resize(w, h)),
        1 => "[a-z柳州 ]{0,6}".prop_map(Event::Paste),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(1000)))]

    /// Random keys, clicks, wheels, pastes and resizes, each followed by a frame.
    #[test]
    fn random_events_at_random_sizes_never_panic(
        (w, h) in (0u16..=300, 0u16..=100),
        events in prop::collection::vec(event(), 1..24),
        empty in prop::bool::weighted(0.1),
    ) {
        in_scratch_dir();
        let mut a = if empty { sources_only(w, h) } else { app(w, h) };
        for ev in &events {
            if !feed(&mut a, ev) {
                break;
            }
            frame(&a);
        }
    }

    /// Arbitrary bytes as a data file: refused with a message, never a panic.
    #[test]
    fn the_loader_survives_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400), file in 0usize..5) {
        let text = String::from_utf8_lossy(&bytes);
        let mut texts = minimal();
        texts[file] = &text;
        let _ = Dataset::from_texts(texts);
    }

    /// Valid files with random damage: cut, spliced or with bytes replaced.
    #[test]
    fn the_loader_survives_damaged_files(file in 0usize..5, at in any::<prop::sample::Index>(), cut in 0usize..40, junk in "[\\[\\](),:\"a-z0-9.\\-NaN柳 ]{0,12}") {
        let mut texts = minimal();
        let original = texts[file];
        let mut i = at.index(original.len().max(1));
        while !original.is_char_boundary(i) {
            i -= 1;
        }
        let mut j = (i + cut).min(original.len());
        while !original.is_char_boundary(j) {
            j -= 1;
        }
        let damaged = format!("{}{junk}{}", &original[..i], &original[j..]);
        texts[file] = &damaged;
        let whole = Dataset::from_texts(texts);
        if let Err(e) = &whole {
            prop_assert!(e.problems.iter().all(|p| !p.file.is_empty()));
        }
        // Read from a directory (a part at a time while it is clean), the same data
        // or the same problems.
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in liuzhou_tui::data::FILES.iter().zip(texts) {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let shown = |r: Result<Dataset, liuzhou_tui::data::error::LoadError>| {
            r.map_err(|e| e.to_string().replace(&format!("{}/", dir.path().display()), ""))
        };
        prop_assert_eq!(shown(Dataset::from_dir(dir.path())), shown(whole));
    }
}

proptest! {
    // Two frames an event: fewer cases than above keep CI's time.
    #![proptest_config(ProptestConfig::with_cases(cases(300)))]

    /// The event loop's painter keeps what lies under the finder between frames: after
    /// every event its frame is the one drawn afresh. Most runs open the finder first.
    #[test]
    fn frames_kept_under_the_finder_match_frames_drawn_afresh(
        (w, h) in (0u16..=160, 0u16..=50),
        events in prop::collection::vec(event(), 1..24),
        open in prop::bool::weighted(0.8),
    ) {
        in_scratch_dir();
        let mut a = app(w, h);
        let mut painted = Terminal::new(TestBackend::new(w, h)).unwrap();
        let mut painter = ui::Painter::default();
        let opening = open.then(|| Event::Key(KeyEvent::new(KeyCode::Char('/'), KeyModifiers::NONE)));
        for ev in opening.iter().chain(&events) {
            if !feed(&mut a, ev) {
                break;
            }
            painted.backend_mut().resize(a.area.width, a.area.height);
            let kept = painted.draw(|f| painter.draw(&a, f)).unwrap().buffer.clone();
            let mut fresh = Terminal::new(TestBackend::new(a.area.width, a.area.height)).unwrap();
            let drawn = fresh.draw(|f| ui::draw(&a, f)).unwrap().buffer.clone();
            prop_assert_eq!(kept, drawn, "after {:?}", ev);
        }
    }
}

fn minimal() -> [&'static str; 5] {
    [
        include_str!("fixtures/minimal/sources.ron"),
        include_str!("fixtures/minimal/industry.ron"),
        include_str!("fixtures/minimal/ecology.ron"),
        include_str!("fixtures/minimal/timeline.ron"),
        include_str!("fixtures/minimal/livelihood.ron"),
    ]
}
