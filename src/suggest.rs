//! The id a mistyped one was probably meant to be, for "did you mean" in error messages.

use crate::data::Dataset;

/// The id closest to a mistyped one, if it is a slip of a few letters rather than
/// another word.
pub fn nearest_id<'a>(data: &'a Dataset, typed: &str) -> Option<&'a str> {
    let typed: Vec<char> = typed.chars().collect();
    let most = (typed.len() / 3).clamp(1, 3);
    data.records()
        .map(|r| r.id())
        .map(|id| (edit_distance(&typed, id), id))
        .filter(|&(d, _)| d <= most)
        .min_by_key(|&(d, _)| d)
        .map(|(_, id)| id)
}

/// Levenshtein distance, in characters, by one row at a time.
fn edit_distance(a: &[char], b: &str) -> usize {
    let mut row: Vec<usize> = (0..=a.len()).collect();
    for (j, cb) in b.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = j + 1;
        for (i, &ca) in a.iter().enumerate() {
            let next = (row[i + 1] + 1).min(row[i] + 1).min(diagonal + usize::from(ca != cb));
            diagonal = row[i + 1];
            row[i + 1] = next;
        }
    }
    row[a.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_character_edits() {
        let d = |a: &str, b| edit_distance(&a.chars().collect::<Vec<_>>(), b);
        assert_eq!(d("nev-outpt", "nev-output"), 1);
        assert_eq!(d("kitten", "sitting"), 3);
        assert_eq!(d("", "abc"), 3);
        assert_eq!(d("柳州", "柳州"), 0);
    }
}
