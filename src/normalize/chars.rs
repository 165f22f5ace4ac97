//! Single characters: sentence terminators, CJK ideographs, width folding (`１`→`1`,
//! `（`→`(`) and Traditional → Simplified conversion (`區`→`区`), steps 3 and 4 of the module
//! doc of [`super`].

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
static T2S: LazyLock<Vec<char>> = LazyLock::new(build_t2s_table);

/// The ideographs of the main block that the table covers, [`T2S`] by offset from the first.
const T2S_BLOCK: std::ops::RangeInclusive<char> = '\u{4E00}'..='\u{9FFF}';

/// The Simplified form of every ideograph of [`T2S_BLOCK`] (itself when it has none), by its
/// offset in the block: asked for every character of every text, so an array, not a map. The
/// pairs are OpenCC's one-character t2s pairs, minus [`KEEP_AS_IS`].
fn build_t2s_table() -> Vec<char> {
    let mut table: Vec<char> = T2S_BLOCK.collect();
    let Ok(cc) = ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::T2s)
    else {
        return table;
    };
    // One conversion call over every ideograph of the main block, one per line, is far
    // cheaper than a call per character; lines keep the characters aligned.
    let input: String = T2S_BLOCK.flat_map(|c| [c, '\n']).collect();
    let output = cc.convert(&input);
    for (from, to) in input.lines().zip(output.lines()) {
        let (mut f, mut t) = (from.chars(), to.chars());
        if let (Some(f), None, Some(t), None) = (f.next(), f.next(), t.next(), t.next())
            && f != t
            && !KEEP_AS_IS.contains(&f)
        {
            table[block_offset(f)] = t;
        }
    }
    table
}

/// The offset of `c`, an ideograph of [`T2S_BLOCK`], in the block.
fn block_offset(c: char) -> usize {
    (u32::from(c) - u32::from(*T2S_BLOCK.start())) as usize
}

/// Simplified form of one character (itself when it has none).
pub fn to_simplified(c: char) -> char {
    if T2S_BLOCK.contains(&c) {
        T2S[block_offset(c)]
    } else {
        c
    }
}
