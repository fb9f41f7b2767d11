//! The yardstick for start-up time: the least a ratatui program does, one bordered
//! paragraph, drawn once; any key quits. `benches/startup.py` times it beside
//! liuzhou-tui.

use ratatui::crossterm::event;
use ratatui::widgets::{Block, Paragraph};

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::init();
    let result = terminal
        .draw(|f| f.render_widget(Paragraph::new("minimal").block(Block::bordered().title("ratatui")), f.area()))
        .and_then(|_| event::read().map(drop));
    ratatui::restore();
    result
}
