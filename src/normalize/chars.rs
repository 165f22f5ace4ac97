//! Single characters: sentence terminators, CJK ideographs, width folding (`１`→`1`,
//! `（`→`(`) and Traditional → Simplified conversion (`區`→`区`), steps 3 and 4 of the module
//! doc of [`super`].

use std::collections::HashMap;
use std::sync::LazyLock;

/// Sentence terminators after width folding.
pub fn is_terminator(c: char) -> bool {
    matches!(c, '。' | ';' | '!' | '?' | '；' | '！' | '？')
}

/// Whether `c` is a CJK ideograph (the blocks Chinese news text uses).
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

/// Folds full-width ASCII forms to ASCII and odd spaces to a plain space.
pub(super) fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' => ' ',
        '\u{FF61}' => '。',
        '\u{301C}' => '~',
        _ => c,
    }
}

/// Characters OpenCC's t2s table changes that are also standard Simplified characters.
const KEEP_AS_IS: &[char] = &['著', '乾', '瞭', '於', '麼', '夥', '藉', '蘋', '甦', '祇'];

/// Traditional → Simplified, one character at a time, built once from OpenCC's t2s table.
static T2S: LazyLock<HashMap<char, char>> = LazyLock::new(build_t2s_table);

/// The one-character pairs of OpenCC's t2s table, minus [`KEEP_AS_IS`].
fn build_t2s_table() -> HashMap<char, char> {
    let Ok(cc) = ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::T2s)
    else {
        return HashMap::new();
    };
    // One conversion call over every ideograph of the main block, one per line, is far
    // cheaper than a call per character; lines keep the characters aligned.
    let input: String = ('\u{4E00}'..='\u{9FFF}').flat_map(|c| [c, '\n']).collect();
    let output = cc.convert(&input);
    let mut table = HashMap::new();
    for (from, to) in input.lines().zip(output.lines()) {
        let (mut f, mut t) = (from.chars(), to.chars());
        if let (Some(f), None, Some(t), None) = (f.next(), f.next(), t.next(), t.next())
            && f != t
            && !KEEP_AS_IS.contains(&f)
        {
            table.insert(f, t);
        }
    }
    table
}

/// Simplified form of one character (itself when it has none).
pub fn to_simplified(c: char) -> char {
    if is_cjk(c) {
        T2S.get(&c).copied().unwrap_or(c)
    } else {
        c
    }
}
