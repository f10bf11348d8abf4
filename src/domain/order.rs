//! Sorting with one copy of the sort algorithm for the whole app.
//!
//! `slice::sort_by` is compiled again for every element type and
//! comparison, about half a kilobyte of wasm each time, a few dozen times
//! over. These sort a list of positions instead, through one comparison
//! behind a reference, and then move the elements into place: the same
//! stable order, with the algorithm in the wasm once (README, "Keeping
//! the village wasm small").

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts `v` stably by `cmp`, like `slice::sort_by`.
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(v.len(), &|a, b| cmp(&v[a], &v[b]));
    permute(v, order);
}

/// Sorts `v` stably by `key`, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order, like `slice::sort`.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Collects pairs into a map, like `collect()`: a later value for the
/// same key wins. `collect()` sorts the pairs first, and that sort is
/// compiled again for every pair type; inserting needs no sort.
pub fn map_of<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (k, v) in pairs {
        map.insert(k, v);
    }
    map
}

/// Collects items into a set, like `collect()`, without its sort.
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    for item in items {
        set.insert(item);
    }
    set
}

/// The positions `0..len` in the order `cmp` puts them, equal ones in
/// their first order. The one place a sort algorithm is instantiated.
fn sorted_positions(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Puts at each position `i` the element that was at `order[i]`,
/// following each cycle of the permutation with swaps.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..v.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = order[at];
            order[at] = DONE;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the test needs no crate.
    fn numbers(seed: u64, n: usize, modulo: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % modulo
            })
            .collect()
    }

    #[test]
    fn same_order_as_the_standard_stable_sort() {
        for (seed, n, modulo) in [
            (1, 0, 3),
            (2, 1, 3),
            (3, 2, 2),
            (4, 17, 5),
            (5, 300, 7),
            (6, 1000, 1000),
        ] {
            // Pairs of (key, first position): equal keys must keep their
            // first order, as the standard sort keeps them.
            let items: Vec<(u64, usize)> = numbers(seed, n, modulo).into_iter().zip(0..).collect();
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std_sorted = items.clone();
            std_sorted.sort_by_key(|e| e.0);
            assert_eq!(ours, std_sorted, "seed {seed}, {n} items");

            let mut by_key = items.clone();
            sort_by_key(&mut by_key, |e| std::cmp::Reverse(e.0));
            std_sorted.sort_by_key(|e| std::cmp::Reverse(e.0));
            assert_eq!(by_key, std_sorted, "seed {seed}, {n} items, reversed");
        }
    }

    #[test]
    fn sorts_owned_values_without_losing_any() {
        let mut words: Vec<String> = ["pisang", "apel", "jeruk", "apel", "duku"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        sort(&mut words);
        assert_eq!(words, ["apel", "apel", "duku", "jeruk", "pisang"]);
    }

    #[test]
    fn maps_and_sets_as_collect_makes_them() {
        for (seed, n, modulo) in [(7, 0, 3), (8, 1, 3), (9, 50, 7), (10, 500, 1000)] {
            // Repeated keys: the later value wins, as with `collect()`.
            let pairs: Vec<(u64, usize)> = numbers(seed, n, modulo).into_iter().zip(0..).collect();
            let collected: BTreeMap<u64, usize> = pairs.iter().copied().collect();
            assert_eq!(map_of(pairs.iter().copied()), collected, "seed {seed}");
            let keys: BTreeSet<u64> = pairs.iter().map(|p| p.0).collect();
            assert_eq!(set_of(pairs.iter().map(|p| p.0)), keys, "seed {seed}");
        }
    }
}
