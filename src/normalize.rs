//! Normalized text with an offset map back to source bytes.
