//! Quantities: numbers, units, qualifiers and their rounding intervals.
