//! Turning a file's bytes into text: UTF-8 (with or without BOM), else GB18030.

use super::Encoding;
use super::diagnostic::{Code, CorpusDiagnostic};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The decoded text of a file and the advice to show alongside it, if any.
pub(super) struct Decoded {
    pub text: String,
    pub encoding: Encoding,
    pub advice: Option<CorpusDiagnostic>,
}

/// Decodes `bytes` read from the file displayed as `path`.
///
/// The text keeps a UTF-8 BOM at offset 0, so spans into UTF-8 files stay file offsets.
pub(super) fn decode(path: &str, bytes: Vec<u8>) -> Result<Decoded, CorpusDiagnostic> {
    // NUL never occurs in UTF-8 or GB18030 prose, and both decoders would accept it, so it is
    // the cheapest sign of a binary file (UTF-16 text included).
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        let help = if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
            "the file starts with a UTF-16 byte-order mark; save it as UTF-8"
        } else {
            "corpus articles are text files: UTF-8 (or GB18030) with TOML front matter"
        };
        return Err(CorpusDiagnostic::new(
            Code::Binary,
            path,
            format!("binary file (NUL byte at offset {offset})"),
        )
        .with_help(help));
    }
    let decoded = match String::from_utf8(bytes) {
        Ok(text) => {
            let encoding = if text.as_bytes().starts_with(UTF8_BOM) {
                Encoding::Utf8Bom
            } else {
                Encoding::Utf8
            };
            Decoded {
                text,
                encoding,
                advice: None,
            }
        }
        Err(error) => {
            let invalid_at = error.utf8_error().valid_up_to();
            let bytes = error.into_bytes();
            // Only an error-free decode counts: GB18030 maps most byte pairs to some character,
            // and a replacement character would silently corrupt the quotes claims rest on.
            match encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(&bytes) {
                Some(text) => Decoded {
                    text: text.into_owned(),
                    encoding: Encoding::Gb18030,
                    advice: Some(
                        CorpusDiagnostic::new(
                            Code::Encoding,
                            path,
                            "not UTF-8; decoded as GB18030",
                        )
                        .with_help(
                            "spans index the UTF-8 transcoding of this file, not its bytes; \
                             save it as UTF-8 to make them file offsets",
                        ),
                    ),
                },
                None => {
                    return Err(CorpusDiagnostic::new(
                        Code::Undecodable,
                        path,
                        format!(
                            "neither UTF-8 nor GB18030 \
                             (first invalid UTF-8 byte at offset {invalid_at})"
                        ),
                    )
                    .with_help("save the file as UTF-8"));
                }
            }
        }
    };
    let content = decoded
        .text
        .strip_prefix('\u{feff}')
        .unwrap_or(&decoded.text);
    if content.trim().is_empty() {
        return Err(CorpusDiagnostic::new(Code::Empty, path, "empty file")
            .with_help(super::front_matter::MINIMAL_HELP));
    }
    Ok(decoded)
}
