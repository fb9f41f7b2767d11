//! How a figure's number is written when it is far from everyday sizes.

use liuzhou_tui::data::number;

#[test]
fn a_tiny_figure_is_not_shown_as_zero() {
    for separators in [true, false] {
        assert_eq!(number(1e-300, separators), "1e-300");
        assert_eq!(number(-0.00001, separators), "-1e-5");
        assert_eq!(number(0.0, separators), "0");
        assert_eq!(number(0.0001, separators), "0.0001");
    }
    assert_eq!(number(48.2, true), "48.2");
    assert_eq!(number(1234567.5, true), "1,234,567.5");
}
