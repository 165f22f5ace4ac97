//! Renderers: they turn what the engine found into text for people and programs, and decide
//! nothing themselves.

pub mod claims;
pub mod findings;
pub mod inspect;
pub mod parse;
