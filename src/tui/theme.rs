//! Styles. Only the 16 basic colours, so it reads the same on any terminal; with
//! `NO_COLOR` set, emphasis comes from bold, reverse and underline alone.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub base: Style,
    pub title: Style,
    pub dim: Style,
    pub header: Style,
    pub selected: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub status: Style,
    pub key: Style,
    pub warn: Style,
    pub computed: Style,
    pub figure: Style,
    pub bar: Style,
    pub matched: Style,
    pub border: Style,
    /// One per compared indicator; each also has its own mark, so they part without colour.
    pub series: [Style; 6],
}

impl Theme {
    /// Colours unless `NO_COLOR` is set to anything non-empty (no-color.org).
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if no_color { Theme::monochrome() } else { Theme::colour() }
    }

    pub fn colour() -> Theme {
        let s = Style::new();
        Theme {
            base: s,
            title: s.add_modifier(Modifier::BOLD),
            dim: s.fg(Color::DarkGray),
            header: s.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            selected: s.fg(Color::Black).bg(Color::Cyan),
            tab: s,
            tab_active: s.fg(Color::Black).bg(Color::Yellow).add_modifier(Modifier::BOLD),
            status: s.fg(Color::White).bg(Color::Blue),
            key: s.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            warn: s.fg(Color::Red).add_modifier(Modifier::BOLD),
            computed: s.fg(Color::Magenta),
            figure: s.fg(Color::Green).add_modifier(Modifier::BOLD),
            bar: s.fg(Color::Green),
            matched: s.fg(Color::Yellow).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            border: s.fg(Color::DarkGray),
            series: [Color::Cyan, Color::Yellow, Color::Green, Color::Magenta, Color::Red, Color::Blue]
                .map(|c| s.fg(c)),
        }
    }

    pub fn monochrome() -> Theme {
        let s = Style::new();
        let bold = s.add_modifier(Modifier::BOLD);
        Theme {
            base: s,
            title: bold,
            dim: s,
            header: bold.add_modifier(Modifier::UNDERLINED),
            selected: s.add_modifier(Modifier::REVERSED),
            tab: s,
            tab_active: bold.add_modifier(Modifier::REVERSED),
            status: s.add_modifier(Modifier::REVERSED),
            key: bold,
            warn: bold.add_modifier(Modifier::UNDERLINED),
            computed: s.add_modifier(Modifier::ITALIC),
            figure: bold,
            bar: s,
            matched: bold.add_modifier(Modifier::UNDERLINED),
            border: s,
            series: [s; 6],
        }
    }

    /// Style for a figure's kind: computed figures stand apart from reported ones.
    pub fn kind(&self, computed: bool) -> Style {
        if computed { self.computed } else { self.base }
    }
}
