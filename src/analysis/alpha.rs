//! Cronbach's alpha and item statistics of a respondents × items matrix,
//! as R's `psych::alpha` computes them from raw scores: raw alpha,
//! `r.drop` (each item against the sum of the other items) and alpha with
//! the item dropped. Variances are sample variances (n - 1).
//!
//! Each figure is computed from its definition, in two passes (the mean,
//! then the squared deviations), so nothing is lost to cancellation and
//! an independent implementation agrees to far better than 1e-9.

/// Fewer complete respondents than this give no alpha: with two, every
/// correlation is ±1 and the figure says nothing.
pub const MIN_RESPONDENTS: usize = 3;

/// Fewer items than this give no alpha: it measures how items agree.
pub const MIN_ITEMS: usize = 2;

/// Why a matrix has no alpha.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortfall {
    /// Fewer than [`MIN_RESPONDENTS`] respondents answered every item.
    Respondents(usize),
    /// Fewer than [`MIN_ITEMS`] items vary among them.
    Items(usize),
}

impl Shortfall {
    /// The reason in a sentence, for people.
    pub fn words(self) -> String {
        match self {
            Shortfall::Respondents(n) => format!(
                "too few respondents: {n} answered every item, alpha needs at least {MIN_RESPONDENTS}"
            ),
            Shortfall::Items(k) => format!(
                "too few items: {k} {} among the respondents, alpha needs at least {MIN_ITEMS}",
                if k == 1 { "varies" } else { "vary" }
            ),
        }
    }
}

/// One item's figures. Each is None where it has no number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ItemStats {
    /// The mean of the item's scores.
    pub mean: Option<f64>,
    /// Sample standard deviation (n - 1).
    pub sd: Option<f64>,
    /// Pearson correlation of the item with the sum of the other items
    /// (the corrected item-total correlation, `psych`'s `r.drop`).
    pub r_drop: Option<f64>,
    /// Raw alpha of the other items (`psych`'s `alpha.drop`).
    pub alpha_if_dropped: Option<f64>,
}

/// The reliability of a set of items.
#[derive(Debug, Clone, PartialEq)]
pub struct Reliability {
    /// Respondents (rows).
    pub n: usize,
    /// The columns used, in order: every column that varies.
    pub used: Vec<usize>,
    /// Columns with the same value for every respondent, left out (as
    /// `psych::alpha` does): they cannot agree or disagree with anything.
    pub no_variance: Vec<usize>,
    /// Raw alpha of the columns used.
    pub alpha: Option<f64>,
    /// One per column used.
    pub items: Vec<ItemStats>,
    /// Why there is no alpha, if there is none.
    pub shortfall: Option<Shortfall>,
}

/// The arithmetic mean; None for no values.
pub fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// The sample variance (n - 1); None for fewer than two values.
pub fn variance(values: &[f64]) -> Option<f64> {
    let m = mean(values)?;
    (values.len() >= 2)
        .then(|| values.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / (values.len() - 1) as f64)
}

/// The sample standard deviation; None for fewer than two values.
pub fn sd(values: &[f64]) -> Option<f64> {
    variance(values).map(f64::sqrt)
}

/// Pearson's correlation; None when either side does not vary.
pub fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    let (mx, my) = (mean(x)?, mean(y)?);
    let mut sxy = 0.0;
    let mut sxx = 0.0;
    let mut syy = 0.0;
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

/// Raw alpha `k/(k-1) * (1 - sum(var_i)/var(sum))` of these columns of
/// `rows`; None for fewer than two columns or when the sum does not vary.
pub fn raw_alpha(rows: &[Vec<f64>], columns: &[usize]) -> Option<f64> {
    let k = columns.len();
    if k < MIN_ITEMS {
        return None;
    }
    let width = columns.iter().max().map_or(0, |c| c + 1);
    let variances: Vec<Option<f64>> = (0..width).map(|c| variance(&column(rows, c))).collect();
    alpha_of(columns, &variances, &sums(rows, columns))
}

/// Raw alpha from each column's variance (`variances`, by column) and each
/// row's sum over `columns` (`sums`): [`raw_alpha`] with those computed
/// once for every item, summed in the same order, so the same bits.
fn alpha_of(columns: &[usize], variances: &[Option<f64>], sums: &[f64]) -> Option<f64> {
    let k = columns.len();
    if k < MIN_ITEMS {
        return None;
    }
    let item_variances: f64 = columns.iter().map(|c| variances[*c]).sum::<Option<f64>>()?;
    let total = variance(sums)?;
    let k = k as f64;
    (total > 0.0).then(|| k / (k - 1.0) * (1.0 - item_variances / total))
}

/// The figures of a respondents × items matrix: `rows[r][i]` is
/// respondent r's score on item i, every row `columns` long.
pub fn reliability(rows: &[Vec<f64>], columns: usize) -> Reliability {
    let n = rows.len();
    if n < MIN_RESPONDENTS {
        // Too few to judge variance or agreement: each item is described
        // as far as it can be, and nothing is left out.
        let items = (0..columns)
            .map(|c| {
                let values = column(rows, c);
                ItemStats {
                    mean: mean(&values),
                    sd: sd(&values),
                    r_drop: None,
                    alpha_if_dropped: None,
                }
            })
            .collect();
        return Reliability {
            n,
            used: (0..columns).collect(),
            no_variance: Vec::new(),
            alpha: None,
            items,
            shortfall: Some(Shortfall::Respondents(n)),
        };
    }
    // Equal values are compared as they are, not through a variance that
    // rounding could leave a hair above zero.
    let (used, no_variance): (Vec<usize>, Vec<usize>) =
        (0..columns).partition(|c| rows.iter().any(|r| r[*c] != rows[0][*c]));
    // Each column and its variance once; each item's sum of the others
    // once, for both its r.drop and its alpha if dropped.
    let values: Vec<Vec<f64>> = (0..columns).map(|c| column(rows, c)).collect();
    let variances: Vec<Option<f64>> = values.iter().map(|v| variance(v)).collect();
    let items = used
        .iter()
        .map(|c| {
            let values = &values[*c];
            let others: Vec<usize> = used.iter().copied().filter(|o| o != c).collect();
            let rest = sums(rows, &others);
            ItemStats {
                mean: mean(values),
                sd: variances[*c].map(f64::sqrt),
                r_drop: if others.is_empty() {
                    None
                } else {
                    pearson(values, &rest)
                },
                alpha_if_dropped: alpha_of(&others, &variances, &rest),
            }
        })
        .collect();
    let shortfall = (used.len() < MIN_ITEMS).then_some(Shortfall::Items(used.len()));
    Reliability {
        n,
        alpha: alpha_of(&used, &variances, &sums(rows, &used)),
        used,
        no_variance,
        items,
        shortfall,
    }
}

/// One column of the matrix.
fn column(rows: &[Vec<f64>], c: usize) -> Vec<f64> {
    rows.iter().map(|r| r[c]).collect()
}

/// Each row's sum over these columns, added in column order.
fn sums(rows: &[Vec<f64>], columns: &[usize]) -> Vec<f64> {
    rows.iter()
        .map(|r| columns.iter().map(|c| r[*c]).sum())
        .collect()
}
