//! The wire types: what `claimcheck` writes for programs and reads back — the claims/1 and
//! findings/1 JSON documents, and where an article's spans are (line and column). The engine
//! reads them (claims shards, dataset anchors) and the renderers write them, so they live
//! below both. The formats are documented with their renderers, [`crate::report::claims`]
//! and [`crate::report::findings`].

pub mod articles;
pub mod claims;
pub mod findings;
