//! Document paths as URI references, the way SARIF names an artifact.

/// A document path as a URI reference: `/` separators, every byte outside the unreserved
/// set and `/` percent-encoded (UTF-8), so Chinese names, spaces, `#` and `%` survive; an
/// absolute path (`/…`, `C:/…`) becomes a `file:` URI, since a bare `C:` would read as a
/// scheme.
pub fn uri_reference(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut rest = path.as_str();
    while let Some(stripped) = rest.strip_prefix("./") {
        rest = stripped;
    }
    let bytes = rest.as_bytes();
    if bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && bytes[2] == b'/' {
        format!("file:///{}:{}", &rest[..1], percent_encode(&rest[2..]))
    } else if rest.starts_with('/') {
        format!("file://{}", percent_encode(rest))
    } else {
        percent_encode(rest)
    }
}

/// `text` with every byte outside the unreserved set and `/` percent-encoded.
fn percent_encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
        }
    }
    out
}
