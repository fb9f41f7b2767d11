//! Dates as sources give them: a year, a month or a day, each kept at its own
//! precision, written `YYYY`, `YYYY-MM` or `YYYY-MM-DD` in data files and exports.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A date with the precision its source gives: a year, a month, or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl FromStr for PartialDate {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("invalid date {s:?}: expected YYYY, YYYY-MM or YYYY-MM-DD");
        let mut parts = s.split('-');
        let year = parts.next().filter(|y| y.len() == 4).and_then(|y| y.parse().ok()).ok_or_else(bad)?;
        let mut num = |max: u8| -> Result<Option<u8>, String> {
            parts
                .next()
                .map(|p| p.parse::<u8>().ok().filter(|n| (1..=max).contains(n) && p.len() == 2).ok_or_else(bad))
                .transpose()
        };
        let month = num(12)?;
        let day = num(31)?;
        if parts.next().is_some() {
            return Err(bad());
        }
        if let (Some(m), Some(d)) = (month, day)
            && d > days_in_month(year, m)
        {
            return Err(format!("invalid date {s:?}: that month has {} days", days_in_month(year, m)));
        }
        Ok(PartialDate { year, month, day })
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_keep_their_precision() {
        assert_eq!("2012".parse::<PartialDate>().unwrap().to_string(), "2012");
        assert_eq!("2020-07".parse::<PartialDate>().unwrap().to_string(), "2020-07");
        let d: PartialDate = "2017-12-28".parse().unwrap();
        assert_eq!((d.year, d.month, d.day), (2017, Some(12), Some(28)));
        for leap in ["2020-02-29", "2000-02-29", "2021-12-31"] {
            assert!(leap.parse::<PartialDate>().is_ok(), "{leap:?} should be accepted");
        }
        for bad in [
            "",
            "12",
            "2017-13",
            "2017-1-28",
            "2017-12-32",
            "2017-12-28-1",
            "abcd",
            "2021-02-30",
            "2021-02-29",
            "1900-02-29",
            "2021-04-31",
        ] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad:?} should be rejected");
        }
    }
}
