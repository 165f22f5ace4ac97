//! Sections, sentences and clauses.
