//! Every way the browser can end gives the terminal back: main screen, cursor shown,
//! mouse reporting off, canonical mode with echo. Run in a real pseudo-terminal.

mod common;

use common::Session;
use nix::sys::signal::{Signal, kill};
use nix::unistd::Pid;

/// Leave the alternate screen / stop mouse reporting / show the cursor.
const LEAVE_ALT: &[u8] = b"\x1b[?1049l";
const ENTER_ALT: &[u8] = b"\x1b[?1049h";
const MOUSE_OFF: &[u8] = b"\x1b[?1000l";

fn started(env: &[(&str, &str)]) -> Session {
    let s = Session::start_with(&["--lang", "en"], env, 80, 24);
    s.wait_for("Industry 1/");
    s
}

fn exit_code(s: &mut Session) -> u32 {
    s.wait_exit().exit_code()
}

#[test]
fn q_quits_with_status_0() {
    let mut s = started(&[]);
    s.send(b"q");
    assert_eq!(exit_code(&mut s), 0);
    s.assert_restored();
}

#[test]
fn ctrl_c_is_a_key_and_quits_with_status_0() {
    let mut s = started(&[]);
    s.send(b"\x03");
    assert_eq!(exit_code(&mut s), 0);
    s.assert_restored();
}

/// Stops the browser by `stop`, then continues it: the terminal is given back while
/// stopped, and set up again and drawn whole (without a key) once continued.
fn stop_and_continue(stop: impl FnOnce(&mut Session)) {
    let mut s = started(&[]);
    let mark = s.raw.lock().unwrap().len();
    stop(&mut s);
    // Restored for the shell: the alternate screen left and the mouse released...
    let left = s.wait_for_bytes(LEAVE_ALT, mark);
    s.wait_for_bytes(MOUSE_OFF, mark);
    // ...and, once continued, set up again and drawn whole.
    let _ = kill(Pid::from_raw(s.pid()), Signal::SIGCONT);
    s.wait_for_bytes(ENTER_ALT, left);
    s.wait_for("Industry 1/");
    s.send(b"q");
    assert_eq!(exit_code(&mut s), 0);
    s.assert_restored();
}

#[test]
fn ctrl_z_gives_the_terminal_back_then_takes_it_again() {
    stop_and_continue(|s| s.send(b"\x1a"));
}

/// A stop sent from another process, not typed: the same as Ctrl-Z.
#[test]
fn sigtstp_from_outside_gives_the_terminal_back_then_takes_it_again() {
    stop_and_continue(|s| kill(Pid::from_raw(s.pid()), Signal::SIGTSTP).unwrap());
}

/// A dumb terminal cannot draw the browser: it says so and points to the subcommands.
#[test]
fn a_dumb_terminal_is_told_to_use_the_subcommands() {
    let mut s = Session::start_with(&["--lang", "en"], &[("TERM", "dumb")], 80, 24);
    assert_eq!(exit_code(&mut s), 2);
    let screen = s.wait_for("TERM is dumb");
    assert!(screen.contains("show, list, export, validate"), "{screen}");
    assert!(!s.raw.lock().unwrap().windows(ENTER_ALT.len()).any(|w| w == ENTER_ALT));
}

/// Starts with a fault injected after the first frame; the frame comes and goes too
/// fast to read, so the proof it was drawn is the switch to the alternate screen.
fn faulty(fault: &str) -> Session {
    Session::start_with(&["--lang", "en"], &[("LIUZHOU_TUI_FAULT", fault)], 80, 24)
}

#[test]
fn an_error_return_exits_2_and_restores() {
    let mut s = faulty("error");
    assert_eq!(exit_code(&mut s), 2);
    s.wait_for_bytes(ENTER_ALT, 0);
    s.assert_restored();
    assert!(s.screen().contains("injected fault"), "the error is shown after the restore:\n{}", s.screen());
}

#[test]
fn a_panic_restores_before_the_message() {
    for fault in ["panic", "thread-panic"] {
        let mut s = faulty(fault);
        assert_ne!(exit_code(&mut s), 0, "{fault}");
        s.wait_for_bytes(ENTER_ALT, 0);
        s.assert_restored();
        // The message is on the main screen, readable.
        assert!(s.screen().contains("injected fault"), "{fault}:\n{}", s.screen());
    }
}

#[test]
fn signals_restore_and_exit_128_plus_the_signal() {
    for (signal, code) in [
        (Signal::SIGTERM, 143),
        (Signal::SIGHUP, 129),
        (Signal::SIGINT, 130),
        (Signal::SIGQUIT, 131),
        (Signal::SIGUSR1, 138),
        (Signal::SIGALRM, 142),
    ] {
        let mut s = started(&[]);
        kill(Pid::from_raw(s.pid()), signal).unwrap();
        assert_eq!(exit_code(&mut s), code, "{signal:?}");
        s.assert_restored();
    }
}
