//! The real binary in a pseudo-terminal: tabs, help, language, back after a jump, quit,
//! and the terminal given back clean.

mod common;

use common::Session;

#[test]
fn browse_switch_language_and_quit_cleanly() {
    let mut s = Session::start(&["--lang", "en"], 100, 30);
    s.wait_for("1 Industry");
    s.wait_for("Industry 1/");
    s.send(b"2");
    s.wait_for("Ecology 1/");
    s.send(b"3");
    s.wait_for("Policy timeline 1/");
    s.send(b"?");
    s.wait_for("Help · keys");
    // A lone Esc, not the start of Alt-L: wait for it to land.
    s.send(b"\x1b");
    s.wait_gone("Help · keys");
    s.send(b"L");
    s.wait_for("1 产业");
    s.send(b"q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    s.assert_restored();
}

#[test]
fn ctrl_c_quits_cleanly() {
    let mut s = Session::start(&["--lang", "zh"], 57, 20);
    s.wait_for("产业 1/");
    s.send(b"\x03");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

/// Types `query` in the English finder, waits for `listed`, presses Enter, and returns
/// the screen once the detail pane is titled `lands_on` on Ecology; then quits and
/// checks the terminal is given back clean.
fn find_and_jump(query: &str, listed: &str, lands_on: &str) -> String {
    let mut s = Session::start(&["--lang", "en"], 100, 30);
    s.wait_for("Industry 1/");
    s.send(b"/");
    s.wait_for("Search: Hanzi, pinyin or English");
    s.send(query.as_bytes());
    s.wait_for(listed);
    s.send(b"\r");
    s.wait_for(&format!("╭ {lands_on}"));
    let screen = s.wait_for(" Ecology ");
    assert!(!screen.contains("Search: Hanzi"), "the finder closed: {screen}");
    s.send(b"q");
    assert!(s.wait_exit().success());
    s.assert_restored();
    screen
}

#[test]
fn finder_jumps_to_a_record_typed_in_pinyin() {
    // The bauhinia count selected and shown in the detail.
    let screen = find_and_jump("yangzijing", "Bauhinia trees in the city", "Bauhinia trees in the city");
    assert!(screen.contains("280,000 trees"), "{screen}");
}

/// A qualifier and a word in one query, as a reader narrows by year.
#[test]
fn finder_narrows_by_year_and_jumps_to_the_ecology_record() {
    let screen = find_and_jump("year:2020 water", "3 found", "Water class of state-assessed sections");
    assert!(screen.contains("Class II or better"), "{screen}");
}

#[test]
fn y_puts_the_selection_on_the_clipboard_by_osc_52() {
    let mut s = Session::start(&["--lang", "zh"], 100, 30);
    s.wait_for("产业 1/");
    s.send(b"y");
    // The first record, 汽车整车产量: its 18 bytes encode to a whole prefix of the base64.
    let start = s.wait_for_bytes(b"\x1b]52;c;5rG96L2m5pW06L2m5Lqn6YeP", 0);
    s.wait_for_bytes(b"\x1b\\", start);
    s.wait_for("已复制：汽车整车产量");
    s.send(b"q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn ctrl_o_returns_from_a_jump_to_the_same_list_and_row() {
    let mut s = Session::start(&["--lang", "en"], 100, 30);
    s.wait_for("Industry 1/");
    s.send(b"6");
    s.wait_for("Sources 1/");
    s.send(b"\r");
    s.wait_for("Records citing d000");
    s.send(b"jj");
    let before = s.wait_for("Sources 3/");
    s.send(b"\r");
    // The jump left Sources; a frame is read as it comes, so wait for both to go.
    s.wait_gone("Records citing d000");
    s.wait_gone(" Sources 3/");
    // Ctrl-o: back to the citing list, the same row, the same screen.
    s.send(b"\x0f");
    s.wait_for_screen(&before);
    // Ctrl-n forward again, and Backspace back once more.
    s.send(b"\x0e");
    s.wait_gone("Records citing d000");
    s.send(b"\x7f");
    s.wait_for("Records citing d000");
    s.send(b"q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}
