//! List markers: bullets (`●`, `◆`, `■`…) and numbered items (`（一）`, `一、`, `1.`, `（1）`,
//! `①`) that open an item of a list.
//!
//! A marker is layout, not text: normalization drops it and starts the item on a line of its
//! own, so that segmentation makes it a sentence and no figure takes words from another item.
//! Where a marker opens a heading line (`一、总体要求`), it stays part of the heading.

use super::is_cjk;

/// How an item of a list is marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemMarker {
    /// A symbol bullet (`●`, `◆`, `■`, `▲`, `★`, `□`, `◇`, `○`, `•`, `·`, Markdown `-`/`*`).
    Bullet(char),
    /// A numbered item and its number.
    Numbered {
        /// How the number is written.
        style: NumberStyle,
        /// The item's number (`（三）` is 3).
        number: u32,
    },
}

/// How the number of a numbered item is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumberStyle {
    /// `（一）` or `(一)`.
    ParenthesizedChinese,
    /// `一、`.
    ChineseEnumerationComma,
    /// `（1）` or `(1)`.
    ParenthesizedArabic,
    /// `1.` or `1．`.
    ArabicPoint,
    /// `1、`.
    ArabicEnumerationComma,
    /// `①`.
    Circled,
}

impl ItemMarker {
    /// Whether two markers belong to the same list (same bullet, or same numbering style).
    pub fn same_list(self, other: ItemMarker) -> bool {
        match (self, other) {
            (ItemMarker::Bullet(a), ItemMarker::Bullet(b)) => a == b,
            (ItemMarker::Numbered { style: a, .. }, ItemMarker::Numbered { style: b, .. }) => {
                a == b
            }
            _ => false,
        }
    }
}

/// Bullets that are never part of running text: wherever they stand, they open an item.
pub(super) fn is_bullet_anywhere(c: char) -> bool {
    matches!(c, '●' | '◆' | '■' | '▲' | '★' | '◇' | '◎' | '▪' | '►' | '▶')
}

/// Bullets that open an item only at the start of a line: elsewhere `○` writes a zero
/// (`二○二三年`), `·` and `•` join names (`阿依古丽·艾尼`), `□` stands for an unreadable character.
fn is_bullet_at_line_start(c: char) -> bool {
    is_bullet_anywhere(c) || matches!(c, '□' | '○' | '•' | '·')
}

/// The marker at the start of a line (`line` already trimmed, width-folded characters) and how
/// many characters it takes, with the spaces after it.
///
/// A number opens an item only where what follows cannot continue the number: `1.2亿元`,
/// `1、2月份` and `一、二季度` are figures and periods, and a line that is only `1.` is a
/// fragment of a number broken by OCR.
pub(super) fn marker_at_line_start(line: &[char]) -> Option<(ItemMarker, usize)> {
    let (marker, len) = bullet(line)
        .or_else(|| parenthesized(line))
        .or_else(|| circled(line))
        .or_else(|| numeral_and_mark(line))?;
    let spaces = line[len..].iter().take_while(|c| c.is_whitespace()).count();
    let rest = &line[len + spaces..];
    // Something must follow, and after a number it must not continue the number.
    let first = *rest.first()?;
    if let ItemMarker::Bullet(_) = marker {
        return Some((marker, len + spaces));
    }
    // Text must follow. A number followed by a digit of its own kind, `%`, a point or a comma
    // goes on (`1.2亿元`, `1、2月份`, `一、二季度`); one followed by other punctuation is no
    // item. A Chinese number may open a title that starts with a year (`二、2025年主要目标`).
    let chinese = matches!(
        marker,
        ItemMarker::Numbered {
            style: NumberStyle::ParenthesizedChinese | NumberStyle::ChineseEnumerationComma,
            ..
        }
    );
    let chinese_numeral = chinese_digit(first).is_some() || first == '十';
    let starts_text = (is_cjk(first) && !chinese_numeral)
        || first.is_ascii_alphabetic()
        || (chinese && first.is_ascii_digit())
        || matches!(first, '“' | '"' | '《' | '「' | '【');
    starts_text.then_some((marker, len + spaces))
}

fn bullet(line: &[char]) -> Option<(ItemMarker, usize)> {
    let first = *line.first()?;
    if is_bullet_at_line_start(first) {
        return Some((ItemMarker::Bullet(first), 1));
    }
    // Markdown list items: `- ` and `* ` (a `-` before a digit is a minus sign).
    (matches!(first, '-' | '*') && line.get(1) == Some(&' '))
        .then_some((ItemMarker::Bullet(first), 1))
}

/// `（一）`, `(1)`.
fn parenthesized(line: &[char]) -> Option<(ItemMarker, usize)> {
    if !matches!(line.first()?, '(' | '（') {
        return None;
    }
    let close = line.iter().take(5).position(|&c| matches!(c, ')' | '）'))?;
    let inner = &line[1..close];
    let (style, number) = if inner.iter().all(char::is_ascii_digit) {
        (NumberStyle::ParenthesizedArabic, arabic(inner)?)
    } else {
        (NumberStyle::ParenthesizedChinese, chinese_number(inner)?)
    };
    Some((ItemMarker::Numbered { style, number }, close + 1))
}

/// `①` … `⑳`.
fn circled(line: &[char]) -> Option<(ItemMarker, usize)> {
    let first = *line.first()?;
    let number = match first {
        '\u{2460}'..='\u{2473}' => first as u32 - 0x2460 + 1,
        _ => return None,
    };
    let style = NumberStyle::Circled;
    Some((ItemMarker::Numbered { style, number }, 1))
}

/// `一、`, `1.`, `1、`.
fn numeral_and_mark(line: &[char]) -> Option<(ItemMarker, usize)> {
    let digits = line.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 {
        let style = match line.get(digits)? {
            '.' => NumberStyle::ArabicPoint,
            '、' => NumberStyle::ArabicEnumerationComma,
            _ => return None,
        };
        let number = arabic(&line[..digits])?;
        return Some((ItemMarker::Numbered { style, number }, digits + 1));
    }
    let numerals = line
        .iter()
        .take_while(|&&c| chinese_digit(c).is_some() || c == '十')
        .count();
    if numerals == 0 || line.get(numerals) != Some(&'、') {
        return None;
    }
    let number = chinese_number(&line[..numerals])?;
    let style = NumberStyle::ChineseEnumerationComma;
    Some((ItemMarker::Numbered { style, number }, numerals + 1))
}

/// One or two ASCII digits.
fn arabic(digits: &[char]) -> Option<u32> {
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.iter().collect::<String>().parse().ok()
}

fn chinese_digit(c: char) -> Option<u32> {
    "〇一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .and_then(|p| u32::try_from(p).ok())
}

/// A Chinese numeral from 1 to 99: `三`, `十`, `十二`, `二十`, `二十三`.
fn chinese_number(chars: &[char]) -> Option<u32> {
    match chars {
        ['十'] => Some(10),
        [d] => chinese_digit(*d).filter(|&n| n > 0),
        ['十', d] => Some(10 + chinese_digit(*d).filter(|&n| n > 0)?),
        [t, '十'] => Some(10 * chinese_digit(*t).filter(|&n| n > 1)?),
        [t, '十', d] => Some(10 * chinese_digit(*t).filter(|&n| n > 1)? + chinese_digit(*d)?),
        _ => None,
    }
    .filter(|&n| n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(line: &str) -> Option<(ItemMarker, usize)> {
        marker_at_line_start(&line.chars().collect::<Vec<_>>())
    }

    fn numbered(style: NumberStyle, number: u32) -> ItemMarker {
        ItemMarker::Numbered { style, number }
    }

    #[test]
    fn markers_open_items() {
        use NumberStyle::*;
        let table = [
            ("●地区生产总值增长6%", ItemMarker::Bullet('●'), 1),
            ("◆ 新增就业3000人", ItemMarker::Bullet('◆'), 2),
            ("· 粮食产量稳定", ItemMarker::Bullet('·'), 2),
            ("- 新建学校2所", ItemMarker::Bullet('-'), 2),
            ("■2024年主要目标", ItemMarker::Bullet('■'), 1),
            ("(一)稳定经济增长", numbered(ParenthesizedChinese, 1), 3),
            ("(十二)保障民生", numbered(ParenthesizedChinese, 12), 4),
            ("(3)新增绿地", numbered(ParenthesizedArabic, 3), 3),
            ("二十一、附则", numbered(ChineseEnumerationComma, 21), 4),
            ("三、主要目标", numbered(ChineseEnumerationComma, 3), 2),
            (
                "二、2025年主要目标",
                numbered(ChineseEnumerationComma, 2),
                2,
            ),
            ("1.地区生产总值增长6.5%", numbered(ArabicPoint, 1), 2),
            ("12、税收收入", numbered(ArabicEnumerationComma, 12), 3),
            ("②城镇新增就业", numbered(Circled, 2), 1),
        ];
        for (line, expected, len) in table {
            assert_eq!(marker(line), Some((expected, len)), "{line}");
        }
    }

    #[test]
    fn numbers_and_periods_are_not_markers() {
        for line in [
            "1.2亿元",
            "1.",
            "1、2月份工业增加值增长",
            "一、二季度",
            "2023.",
            "123.项目",
            "-3.5%",
            "(GDP)增长",
            "(十一五)",
            "●",
            "十年来",
            "一是",
            "1.。",
            "(2)%",
        ] {
            assert_eq!(marker(line), None, "{line}");
        }
    }

    #[test]
    fn markers_of_one_list_match() {
        let a = numbered(NumberStyle::ArabicPoint, 1);
        let b = numbered(NumberStyle::ArabicPoint, 2);
        let c = numbered(NumberStyle::ParenthesizedArabic, 2);
        assert!(a.same_list(b));
        assert!(!a.same_list(c));
        assert!(ItemMarker::Bullet('●').same_list(ItemMarker::Bullet('●')));
        assert!(!ItemMarker::Bullet('●').same_list(ItemMarker::Bullet('◆')));
    }
}
