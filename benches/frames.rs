//! Benchmarks of frames (filled in by the benchmark work).
fn main() {}
