//! Sorting of table rows: a column key and a direction, written in the URL
//! as `sort=<key>` (ascending) or `sort=-<key>` (descending).
//!
//! Missing values (an unavailable metric) always sort last, whichever the
//! direction, so "—" rows never crowd the top of a sorted column. Ties keep
//! the rows' original (dataset) order: the sort is stable.

use std::cmp::Ordering;

/// Sort direction, as `aria-sort` names it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Direction {
    #[default]
    Ascending,
    Descending,
}

impl Direction {
    /// The `aria-sort` value.
    pub fn aria(self) -> &'static str {
        match self {
            Direction::Ascending => "ascending",
            Direction::Descending => "descending",
        }
    }

    fn apply(self, o: Ordering) -> Ordering {
        match self {
            Direction::Ascending => o,
            Direction::Descending => o.reverse(),
        }
    }
}

/// A table's sortable columns.
pub trait SortKey: Copy + PartialEq + 'static {
    /// Every key.
    const ALL: &'static [Self];
    /// The value in the URL.
    fn slug(self) -> &'static str;
    /// The direction a first click on this column sorts in (numbers that
    /// read "worst first" may start descending).
    fn first_direction(self) -> Direction {
        Direction::Ascending
    }
}

/// A column and a direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sort<K> {
    pub key: K,
    pub dir: Direction,
}

impl<K: SortKey> Sort<K> {
    /// Parses `name` or `-name`; `None` for anything else.
    pub fn parse(s: &str) -> Option<Sort<K>> {
        let (dir, slug) = match s.strip_prefix('-') {
            Some(rest) => (Direction::Descending, rest),
            None => (Direction::Ascending, s),
        };
        K::ALL
            .iter()
            .find(|k| k.slug() == slug)
            .map(|&key| Sort { key, dir })
    }

    /// The URL value.
    pub fn to_param(self) -> String {
        match self.dir {
            Direction::Ascending => self.key.slug().to_owned(),
            Direction::Descending => format!("-{}", self.key.slug()),
        }
    }

    /// The sort after a click on `key`'s header: the same column flips,
    /// another column starts in its first direction.
    pub fn toggled(self, key: K) -> Sort<K> {
        if self.key == key {
            Sort {
                key,
                dir: match self.dir {
                    Direction::Ascending => Direction::Descending,
                    Direction::Descending => Direction::Ascending,
                },
            }
        } else {
            Sort {
                key,
                dir: key.first_direction(),
            }
        }
    }

    /// `aria-sort` for a column header: its direction, or `none`.
    pub fn aria_for(self, key: K) -> &'static str {
        if self.key == key {
            self.dir.aria()
        } else {
            "none"
        }
    }
}

/// Compares two optional numbers in `dir`, `None` last either way.
pub fn cmp_opt_f64(a: Option<f64>, b: Option<f64>, dir: Direction) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => dir.apply(x.total_cmp(&y)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Compares two ordered values in `dir`, `None` last either way.
pub fn cmp_opt<T: Ord>(a: Option<T>, b: Option<T>, dir: Direction) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => dir.apply(x.cmp(&y)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Compares text in `dir` (code-point order after case folding; Japanese
/// has no locale collation in the browser-free core, and the readings of
/// kanji are not in the data).
pub fn cmp_text(a: &str, b: &str, dir: Direction) -> Ordering {
    dir.apply(super::filter::fold(a).cmp(&super::filter::fold(b)))
}

/// Sorts `rows` stably by `cmp`, which already applies the direction.
pub fn sort_rows<T>(rows: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    rows.sort_by(cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy, Debug, PartialEq)]
    enum K {
        Name,
        Ratio,
    }

    impl SortKey for K {
        const ALL: &'static [K] = &[K::Name, K::Ratio];
        fn slug(self) -> &'static str {
            match self {
                K::Name => "name",
                K::Ratio => "ratio",
            }
        }
        fn first_direction(self) -> Direction {
            match self {
                K::Name => Direction::Ascending,
                K::Ratio => Direction::Descending,
            }
        }
    }

    #[test]
    fn parses_and_writes_direction_prefix() {
        let s = Sort::<K>::parse("-ratio").expect("valid");
        assert_eq!(
            s,
            Sort {
                key: K::Ratio,
                dir: Direction::Descending
            }
        );
        assert_eq!(s.to_param(), "-ratio");
        assert_eq!(
            Sort::<K>::parse("name").map(|s| s.to_param()).as_deref(),
            Some("name")
        );
        assert_eq!(Sort::<K>::parse("bogus"), None);
        assert_eq!(Sort::<K>::parse("--name"), None);
    }

    #[test]
    fn clicking_flips_the_same_column_and_starts_others_in_their_direction() {
        let s = Sort {
            key: K::Name,
            dir: Direction::Ascending,
        };
        assert_eq!(s.toggled(K::Name).dir, Direction::Descending);
        assert_eq!(
            s.toggled(K::Ratio),
            Sort {
                key: K::Ratio,
                dir: Direction::Descending
            }
        );
        assert_eq!(s.aria_for(K::Name), "ascending");
        assert_eq!(s.aria_for(K::Ratio), "none");
    }

    #[test]
    fn missing_values_sort_last_in_both_directions() {
        let mut v = vec![Some(2.0), None, Some(-1.0), Some(5.0)];
        sort_rows(&mut v, |a, b| cmp_opt_f64(*a, *b, Direction::Ascending));
        assert_eq!(v, [Some(-1.0), Some(2.0), Some(5.0), None]);
        sort_rows(&mut v, |a, b| cmp_opt_f64(*a, *b, Direction::Descending));
        assert_eq!(v, [Some(5.0), Some(2.0), Some(-1.0), None]);
        assert_eq!(
            cmp_opt(Some(1), None::<i32>, Direction::Descending),
            Ordering::Less
        );
        assert_eq!(cmp_text("ａｂ", "AC", Direction::Ascending), Ordering::Less);
    }
}
