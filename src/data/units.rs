//! The units a figure may carry. Data files write the unit as the source does (万辆, 亿元);
//! this table gives its English name and how far the Chinese magnitude word scales it.

/// One known unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unit {
    pub zh: &'static str,
    /// English name of the base unit, plural.
    pub en: &'static str,
    /// What the Chinese magnitude word multiplies by (万 = 10⁴, 亿 = 10⁸).
    pub scale: f64,
}

impl Unit {
    /// The unit in English with its magnitude spelled out: "10,000 vehicles",
    /// "100 million yuan", "%".
    pub fn english(&self) -> String {
        if self.scale == 1e4 {
            format!("10,000 {}", self.en)
        } else if self.scale == 1e8 {
            format!("100 million {}", self.en)
        } else {
            self.en.to_owned()
        }
    }
}

const fn u(zh: &'static str, en: &'static str, scale: f64) -> Unit {
    Unit { zh, en, scale }
}

pub const UNITS: &[Unit] = &[
    u("%", "%", 1.0),
    u("个百分点", "percentage points", 1.0),
    u("辆", "vehicles", 1.0),
    u("万辆", "vehicles", 1e4),
    u("万吨", "tonnes", 1e4),
    u("台", "machines", 1.0),
    u("元", "yuan", 1.0),
    u("万元", "yuan", 1e4),
    u("亿元", "yuan", 1e8),
    u("件", "parcels", 1.0),
    u("亿件", "parcels", 1e8),
    u("袋", "bags", 1.0),
    u("万袋", "bags", 1e4),
    u("家", "firms", 1.0),
    // These name no thing: a figure in one says what it counts in `counts`, and the
    // English here is only the fallback for data that does not.
    u("个", "items", 1.0),
    u("万个", "items", 1e4),
    u("项", "items", 1.0),
    u("种", "kinds", 1.0),
    u("所", "schools", 1.0),
    u("名", "people", 1.0),
    u("万名", "people", 1e4),
    u("人", "people", 1.0),
    u("万人", "people", 1e4),
    u("人次", "person-times", 1.0),
    u("次", "times", 1.0),
    u("万次", "times", 1e4),
    u("倍", "times as much", 1.0),
    u("位", "rank", 1.0),
    u("分", "points", 1.0),
    u("平方米", "m²", 1.0),
    u("万平方米", "m²", 1e4),
    u("平方米/人", "m² per person", 1.0),
    u("公顷", "ha", 1.0),
    u("亩", "mu", 1.0),
    u("米", "m", 1.0),
    u("毫米", "mm", 1.0),
    u("株", "trees", 1.0),
    u("万株", "trees", 1e4),
    u("天", "days", 1.0),
    u("年", "years", 1.0),
    u("个月", "months", 1.0),
    u("分钟", "minutes", 1.0),
    u("小时", "hours", 1.0),
    u("元/人·年", "yuan per person a year", 1.0),
    u("份额", "share", 1.0),
    u("类", "water-quality class", 1.0),
];

/// Looks a unit up by the name the data files use.
pub fn lookup(zh: &str) -> Option<&'static Unit> {
    UNITS.iter().find(|u| u.zh == zh)
}
