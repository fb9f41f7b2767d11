//! Popups drawn over the screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Widget};
use unicode_width::UnicodeWidthStr;

/// Clears `area` for a popup. A wide character just left of the popup would still
/// cover the popup's first column (ratatui#2526), and the buffer diff would skip that
/// column; it is replaced by a space so the popup's edge is drawn whole.
pub fn clear(area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    if area.x == 0 {
        return;
    }
    for y in area.top()..area.bottom() {
        if let Some(cell) = buf.cell_mut((area.x - 1, y))
            && cell.symbol().width() > 1
        {
            cell.set_symbol(" ");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Style;

    #[test]
    fn no_wide_glyph_straddles_the_popup_edge() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
        buf.set_string(0, 0, "柳州螺蛳粉", Style::new());
        clear(Rect::new(3, 0, 4, 1), &mut buf);
        // 州 started at column 2 and covered column 3: it is gone, not half-shown.
        assert_eq!(buf[(2, 0)].symbol(), " ");
        assert_eq!(buf[(0, 0)].symbol(), "柳");
    }
}
