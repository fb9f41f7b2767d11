//! The query language, as fzf reads it: terms separated by spaces must all hold, in
//! any order; `'exact`, `^prefix`, `suffix$` and `!not` change what one term asks;
//! `a | b` lets either hold; `key:value` is a qualifier (see `filter`).

use super::filter::{Facets, Filter, QueryError};
use super::normalise::normalise;
use super::term::Op;

/// A query, read: groups that must all hold, each of atoms of which one must.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) struct Parsed {
    pub(super) groups: Vec<Vec<Atom>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Atom {
    Text { text: String, op: Op, negated: bool },
    Filter { filter: Filter, negated: bool },
}

impl Parsed {
    /// The years every `year:` qualifier standing alone in its group allows, where
    /// there are any: what a hit's figure should be of.
    pub(super) fn years(&self) -> Option<(i32, i32)> {
        let alone = self.groups.iter().filter_map(|g| match g.as_slice() {
            [Atom::Filter { filter: Filter::Years(from, to), negated: false }] => Some((*from, *to)),
            _ => None,
        });
        alone.reduce(|(a, b), (c, d)| (a.max(c), b.min(d)))
    }
}

impl Atom {
    /// A term that finds, not one that excludes or narrows.
    pub(super) fn is_positive_text(&self) -> bool {
        matches!(self, Atom::Text { negated: false, .. })
    }
}

/// Reads `query`; a qualifier is checked against what the index holds.
pub(super) fn parse(query: &str, facets: &Facets) -> Result<Parsed, QueryError> {
    let mut groups: Vec<Vec<Atom>> = Vec::new();
    let mut join = false;
    for token in query.split(char::is_whitespace).filter(|t| !t.is_empty()) {
        if token == "|" {
            join = !groups.is_empty();
            continue;
        }
        let Some(atom) = atom(token, facets)? else {
            continue;
        };
        match groups.last_mut() {
            Some(group) if join => group.push(atom),
            _ => groups.push(vec![atom]),
        }
        join = false;
    }
    Ok(Parsed { groups })
}

/// One space-separated token; `None` for one with nothing to look for (a lone `!`).
fn atom(token: &str, facets: &Facets) -> Result<Option<Atom>, QueryError> {
    let (negated, rest) = match token.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, token),
    };
    if let Some((key, value)) = rest.split_once(':')
        && !key.is_empty()
        && key.chars().all(|c| c.is_ascii_alphabetic())
    {
        return Ok(Some(Atom::Filter { filter: facets.parse(key, value)?, negated }));
    }
    let mut op = Op::default();
    let mut rest = rest;
    if let Some(r) = rest.strip_prefix('\'') {
        (op.exact, rest) = (true, r);
    }
    if let Some(r) = rest.strip_prefix('^') {
        (op.prefix, rest) = (true, r);
    }
    if let Some(r) = rest.strip_suffix('$').filter(|r| !r.is_empty()) {
        (op.suffix, rest) = (true, r);
    }
    let text = normalise(rest);
    Ok(text.chars().any(char::is_alphanumeric).then_some(Atom::Text { text, op, negated }))
}

/// Whether a term says enough to be looked for in a record's text: one or two letters
/// stand in nearly every summary, so they are sought in titles only; a Hanzi or two
/// (3 bytes each) are words.
pub(super) fn says_enough(term: &[u8]) -> bool {
    term.len() >= 3
}

impl Parsed {
    /// Whether every record this query matches, `prev` matched too: it adds terms to
    /// `prev`, or is the same but for its last term, a positive one that goes on from
    /// `prev`'s (as typing does).
    pub(super) fn narrows(&self, prev: &Parsed) -> bool {
        // A query of nothing matches nothing, so it narrows nothing.
        if prev.groups.is_empty() {
            return false;
        }
        if self.groups.len() > prev.groups.len() && self.groups.starts_with(&prev.groups) {
            return true;
        }
        let (Some((last, head)), Some((prev_last, prev_head))) = (self.groups.split_last(), prev.groups.split_last())
        else {
            return false;
        };
        match (&last[..], &prev_last[..]) {
            _ if head != prev_head => false,
            ([Atom::Text { text, op, negated: false }], [Atom::Text { text: t, op: o, negated: false }]) => {
                // A term long enough to be sought in the body finds what a shorter one did
                // not, and so does a longer suffix.
                op == o
                    && !op.suffix
                    && text.starts_with(t.as_str())
                    && says_enough(t.as_bytes()) == says_enough(text.as_bytes())
            }
            _ => last == prev_last,
        }
    }

    /// The term that, besides `prev`'s matches, may find records by their text alone:
    /// the last, when this query is `prev` but for it, and it just grew long enough to
    /// be sought in the body (see `says_enough`).
    pub(super) fn newly_in_body(&self, prev: &Parsed) -> Option<&str> {
        let (Some((last, head)), Some((prev_last, prev_head))) = (self.groups.split_last(), prev.groups.split_last())
        else {
            return None;
        };
        match (&last[..], &prev_last[..]) {
            ([Atom::Text { text, op, negated: false }], [Atom::Text { text: t, op: o, negated: false }])
                if head == prev_head
                    && op == o
                    && !op.suffix
                    && text.starts_with(t.as_str())
                    && !says_enough(t.as_bytes())
                    && says_enough(text.as_bytes()) =>
            {
                Some(text)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str, op: Op, negated: bool) -> Atom {
        Atom::Text { text: t.into(), op, negated }
    }

    /// The years a hit's figure is chosen from: every `year:` that must hold, not one
    /// that excludes or is one choice of several.
    #[test]
    fn the_years_asked_for_are_those_every_match_holds() {
        let facets = Facets::default();
        let years = |q: &str| parse(q, &facets).unwrap().years();
        assert_eq!(years("water year:2020"), Some((2020, 2020)));
        assert_eq!(years("year:2018..2021 year:2020.."), Some((2020, 2021)));
        assert_eq!(years("water !year:2020"), None);
        assert_eq!(years("year:2019 | year:2021"), None);
        assert_eq!(years("water"), None);
    }

    #[test]
    fn operators_and_groups_read_as_fzf_reads_them() {
        let facets = Facets::default();
        let p = parse("  'Exact ^pre suf$ !not a | b ｌｖ ", &facets).unwrap();
        let exact = Op { exact: true, ..Op::default() };
        let prefix = Op { prefix: true, ..Op::default() };
        let suffix = Op { suffix: true, ..Op::default() };
        assert_eq!(
            p.groups,
            vec![
                vec![text("exact", exact, false)],
                vec![text("pre", prefix, false)],
                vec![text("suf", suffix, false)],
                vec![text("not", Op::default(), true)],
                vec![text("a", Op::default(), false), text("b", Op::default(), false)],
                vec![text("lv", Op::default(), false)],
            ]
        );
        assert!(parse("! ' ^ $ |", &facets).unwrap().groups.is_empty());
        assert_eq!(parse("foo:bar", &facets), Err(QueryError::UnknownQualifier("foo".into())));
        assert!(matches!(parse("d002:27", &facets).unwrap().groups[0][0], Atom::Text { .. }), "not a qualifier");
    }

    #[test]
    fn typing_on_narrows() {
        let facets = Facets::default();
        let p = |q| parse(q, &facets).unwrap();
        assert!(p("steel ou").narrows(&p("steel o")));
        assert!(!p("ste").narrows(&p("st")), "now sought in the body too");
        assert_eq!(p("a ste").newly_in_body(&p("a st")), Some("ste"));
        assert_eq!(p("a stee").newly_in_body(&p("a ste")), None);
        assert!(p("steel ou").narrows(&p("steel")), "a new term");
        assert!(!p("steel | ou").narrows(&p("steel")), "an alternative");
        assert!(!p("!steel").narrows(&p("!stee")), "excluding more");
        assert!(!p("^ab").narrows(&p("ab")));
        assert!(!p("output$").narrows(&p("outpu$")), "a key ending in output need not end in outpu");
        assert_eq!(p("out$").newly_in_body(&p("ou$")), None);
    }
}
