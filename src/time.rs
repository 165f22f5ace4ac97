//! Time expressions resolved to periods.
