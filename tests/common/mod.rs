//! The real binary (or a shell) in a pseudo-terminal, with a vt100 screen reading its
//! output; the one way a test says it checked nothing here; and where the source
//! documents are, for the tests that read them.

#![allow(dead_code)] // each test binary uses its own part of the harness

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use nix::sys::termios::LocalFlags;
use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

/// How long any one expected change may take before the test fails.
pub const TIMEOUT: Duration = Duration::from_secs(20);

/// Says that the running test checked nothing, and why, then the test returns. It
/// goes straight to stderr, which libtest does not capture (it captures only the
/// print macros), so the skip shows in a plain `cargo test` too.
pub fn skip(why: &str) {
    let test = thread::current().name().unwrap_or("a test").to_owned();
    let _ = std::io::stderr().write_all(format!("\nSKIPPED {test}: {why}\n").as_bytes());
}

pub struct Session {
    pub parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, for sequences the screen does not keep.
    pub raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    pub master: Box<dyn MasterPty + Send>,
}

impl Session {
    pub fn start(args: &[&str], cols: u16, rows: u16) -> Session {
        Session::start_with(args, &[], cols, rows)
    }

    pub fn start_with(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Session {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_liuzhou-tui"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        Session::spawn(cmd, cols, rows)
    }

    /// Any program, in a terminal that is `cols` by `rows`.
    pub fn spawn(cmd: CommandBuilder, cols: u16, rows: u16) -> Session {
        let pty = native_pty_system();
        let pair = pty.openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).unwrap();
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows.try_into().unwrap(), cols.try_into().unwrap(), 0)));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let sink = Arc::clone(&parser);
        let raw = Arc::new(Mutex::new(Vec::new()));
        let raw_sink = Arc::clone(&raw);
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
                raw_sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Session { parser, raw, writer, child, master: pair.master }
    }

    pub fn pid(&self) -> i32 {
        self.child.process_id().expect("pid") as i32
    }

    /// Waits until the program has written `needle` at or after byte `from`;
    /// returns where it ends.
    pub fn wait_for_bytes(&self, needle: &[u8], from: usize) -> usize {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let raw = self.raw.lock().unwrap();
            if let Some(at) = raw.get(from..).and_then(|r| r.windows(needle.len()).position(|w| w == needle)) {
                return from + at + needle.len();
            }
            drop(raw);
            assert!(Instant::now() < deadline, "timed out waiting for {:?}", String::from_utf8_lossy(needle));
            thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `needle`; fails with the screen if it never does.
    pub fn wait_for(&self, needle: &str) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {needle:?}; the screen:\n{screen}");
            thread::sleep(Duration::from_millis(10));
        }
    }

    /// Waits until the whole screen reads `expected`.
    pub fn wait_for_screen(&self, expected: &str) {
        let deadline = Instant::now() + TIMEOUT;
        while self.screen() != expected {
            assert!(Instant::now() < deadline, "expected the screen:\n{expected}\nit is:\n{}", self.screen());
            thread::sleep(Duration::from_millis(10));
        }
    }

    /// Waits until the screen no longer shows `needle`.
    pub fn wait_gone(&self, needle: &str) {
        let deadline = Instant::now() + TIMEOUT;
        while self.screen().contains(needle) {
            assert!(Instant::now() < deadline, "{needle:?} never went away; the screen:\n{}", self.screen());
            thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "the program did not exit; the screen:\n{}", self.screen());
            thread::sleep(Duration::from_millis(10));
        }
    }

    /// The terminal as the program left it: main screen, cursor shown, no mouse
    /// reporting, and the line discipline back in canonical mode with echo.
    pub fn assert_restored(&self) {
        // Let the reader thread take in the last bytes the program wrote.
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let p = self.parser.lock().unwrap();
            let s = p.screen();
            let clean =
                !s.alternate_screen() && !s.hide_cursor() && s.mouse_protocol_mode() == vt100::MouseProtocolMode::None;
            drop(p);
            if clean {
                break;
            }
            assert!(Instant::now() < deadline, "terminal left dirty:\n{}", self.screen());
            thread::sleep(Duration::from_millis(10));
        }
        let termios = self.master.get_termios().expect("termios");
        assert!(termios.local_flags.contains(LocalFlags::ICANON | LocalFlags::ECHO), "raw mode left on");
    }
}

/// The source documents beside the repository (`../shared/seeds`), or None, said on
/// stderr, when they are not here: tests needing them then skip visibly.
pub fn seeds() -> Option<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if dir.is_dir() {
        return Some(dir);
    }
    skip(&format!("{} is not here", dir.display()));
    None
}
