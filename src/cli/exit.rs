//! What a command leaves to the end of the process.

/// Leaves `value` to the operating system, which takes back all of a
/// process's memory at once when it ends, instead of freeing it one
/// allocation at a time. Only for what a command holds until it returns:
/// the model of a file of 50,000 questions is some 300,000 allocations,
/// and freeing them one by one took 15 ms, 3% of the whole `score`.
pub fn leave<T>(value: T) {
    std::mem::forget(value);
}
