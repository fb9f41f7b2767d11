//! Messages: everything that can happen to the app, whatever key or click caused it.

use super::tabs::Tab;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    Quit,
    NextTab,
    PrevTab,
    GoTo(Tab),
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    /// Open, confirm, or follow.
    Enter,
    /// Close the innermost thing open; with nothing open, go back.
    Back,
    /// Back to where the last jump left (Ctrl-o, Backspace).
    GoBack,
    /// Forward again after going back (Ctrl-i, Ctrl-n).
    GoForward,
    ToggleLang,
    ToggleHelp,
    Copy,
    /// Open the source pane on the selection (a source: the whole document).
    OpenSource,
    /// The source pane's next or previous citation.
    NextCite,
    PrevCite,
    /// Scroll the detail pane by this many lines.
    Scroll(i32),
    OpenFinder,
    /// Write what is shown to a file: opens the export prompt.
    Export,
    /// Mark or unmark the selected indicator for comparing.
    Mark,
    /// Compare the marked indicators.
    Compare,
    /// The Trends tab's next order.
    Sort,
    Edit(Edit),
    Paste(String),
    Resize(u16, u16),
    Click {
        x: u16,
        y: u16,
    },
    Wheel {
        x: u16,
        y: u16,
        down: bool,
    },
    /// Ctrl-Z.
    Suspend,
}

/// Editing the finder's query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    /// Ctrl-U: clear to the start.
    ClearBefore,
    /// Ctrl-K: clear to the end.
    ClearAfter,
    /// Ctrl-W: delete back to the start of the word (a term of a query).
    DeleteWord,
    /// Alt-b and Alt-f: to the start of this word or the last, to the end of this or the next.
    WordLeft,
    WordRight,
}

/// Side effects `update` asks the event loop to carry out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Give the terminal back and stop (Ctrl-Z), until the shell continues us.
    Suspend,
}
