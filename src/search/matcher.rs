//! The fuzzy matcher that gives the full score and the chars to highlight:
//! `fuzzy-matcher`'s skim algorithm, behind one type so another can replace it here.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

pub(super) struct Matcher(SkimMatcherV2);

impl Matcher {
    pub(super) fn new() -> Matcher {
        Matcher(SkimMatcherV2::default().ignore_case())
    }

    /// Score and matched char positions of `pattern` in `text`; both are normalised
    /// to lower case beforehand.
    pub(super) fn indices(&self, text: &str, pattern: &str) -> Option<(i64, Vec<usize>)> {
        self.0.fuzzy_indices(text, pattern)
    }
}
