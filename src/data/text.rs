//! Text in both languages, and ids: what every record is made of.

use std::borrow::Cow;
use std::fmt;

use compact_str::CompactString;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A record's id, or a figure's reference to its source's: short, so kept inline (up
/// to 24 bytes) instead of in an allocation of its own.
pub type Id = CompactString;

/// A label in both UI languages. The English is ours; the Chinese follows the source.
/// Both sit in one allocation: a large city has hundreds of thousands of labels, and
/// each allocation costs its bytes and some 16 more.
#[derive(Clone, PartialEq, Eq)]
pub struct Text {
    /// The Chinese, then the English.
    both: Box<str>,
    /// Where the English begins in `both`.
    split: u32,
}

impl Text {
    pub fn new(zh: &str, en: &str) -> Text {
        // Files are under `limits::MAX_FILE_BYTES`, so the split fits.
        let split = u32::try_from(zh.len()).unwrap_or(u32::MAX);
        Text { both: [zh, en].concat().into(), split }
    }

    pub fn zh(&self) -> &str {
        &self.both[..self.split as usize]
    }

    pub fn en(&self) -> &str {
        &self.both[self.split as usize..]
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => self.zh(),
            Lang::En => self.en(),
        }
    }
}

/// As it is written in the data files and exports: `(zh: "…", en: "…")`.
#[derive(Serialize, Deserialize)]
#[serde(rename = "Text", deny_unknown_fields)]
struct TextFields<'a> {
    #[serde(borrow)]
    zh: Cow<'a, str>,
    #[serde(borrow)]
    en: Cow<'a, str>,
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Text").field("zh", &self.zh()).field("en", &self.en()).finish()
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        TextFields { zh: self.zh().into(), en: self.en().into() }.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let TextFields { zh, en } = TextFields::deserialize(d)?;
        Ok(Text::new(&zh, &en))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    Zh,
    #[default]
    En,
}

impl Lang {
    pub fn toggle(self) -> Self {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One allocation inside, the same two fields outside: files and exports keep
    /// their format, and escaped strings (decoded, not borrowed) read as well.
    #[test]
    fn a_text_keeps_both_languages_and_its_two_fields() {
        for (zh, en) in [("柳州", "Liuzhou"), ("", "English only"), ("只有中文", ""), ("", "")] {
            let t = Text::new(zh, en);
            assert_eq!((t.zh(), t.en(), t.get(Lang::Zh), t.get(Lang::En)), (zh, en, zh, en));
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(json, format!(r#"{{"zh":"{zh}","en":"{en}"}}"#));
            assert_eq!(serde_json::from_str::<Text>(&json).unwrap(), t);
            let ron = crate::ron_options().to_string(&t).unwrap();
            assert_eq!(crate::ron_options().from_str::<Text>(&ron).unwrap(), t, "{ron}");
        }
        let t: Text = serde_json::from_str(r#"{"zh":"\u67f3\"","en":"a\nb"}"#).unwrap();
        assert_eq!((t.zh(), t.en()), ("柳\"", "a\nb"));
    }
}
