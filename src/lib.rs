//! claimcheck reconciles what Chinese local governments said they would do with what they
//! later reported.
//!
//! The pipeline, one module per stage:
//!
//! ```text
//! corpus files ──corpus──▶ Document{meta, source text}
//!              ──normalize──▶ normalized text + offset map back to source bytes
//!              ──segment──▶ sections ▸ sentences ▸ clauses
//!              ──quantity / time──▶ values with intervals and units, resolved periods
//! ```
//!
//! Spans are documented once, in [`span`].

pub mod cli;
pub mod corpus;
pub mod normalize;
pub mod quantity;
pub mod segment;
pub mod span;
pub mod time;
