//! Benchmarks of load, validate and score (filled in by the benchmark work).
fn main() {}
