//! Numbers written with one decimal, without core's float formatting
//! (the Grisu and Dragon algorithms and their tables, ~12 KB of wasm):
//! what is shown is rounded to tenths anyway (README, "Keeping the village wasm small").

use std::fmt;

/// `v` rounded to tenths, written without a trailing `.0`: "12", "12.5",
/// "-3.2". For drawing coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tenths(pub f64);

/// `v` rounded to tenths, always with its decimal: "12.0", "12.5". For
/// drawing (halves away from zero); shown figures use `ratio`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OneDecimal(pub f64);

/// The sign and the value in tenths, rounded half away from zero.
fn tenths(v: f64) -> (bool, u64) {
    let t = (v * 10.0).round();
    // Not a number, or beyond what is ever drawn or shown: 0.
    let t = if t.is_finite() && t.abs() < 1e15 {
        t as i64
    } else {
        0
    };
    (t < 0, t.unsigned_abs())
}

fn write(f: &mut fmt::Formatter<'_>, v: f64, always_decimal: bool) -> fmt::Result {
    let (negative, t) = tenths(v);
    if negative {
        f.write_str("-")?;
    }
    write!(f, "{}", t / 10)?;
    if always_decimal || t % 10 != 0 {
        write!(f, ".{}", t % 10)?;
    }
    Ok(())
}

impl fmt::Display for Tenths {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write(f, self.0, false)
    }
}

impl fmt::Display for OneDecimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write(f, self.0, true)
    }
}

/// `numerator / denominator` with one decimal, "1.2", rounded as `{:.1}`
/// rounds an exact value: to the nearest tenth, a half to the even
/// tenth. Exact, in integers (a byte count in KB or MB, a share in
/// percent). A zero denominator gives "0.0".
pub fn ratio(numerator: u128, denominator: u128) -> String {
    if denominator == 0 {
        return "0.0".to_string();
    }
    let scaled = numerator * 10;
    let (mut tenths, rest) = (scaled / denominator, scaled % denominator);
    if rest * 2 > denominator || (rest * 2 == denominator && tenths % 2 == 1) {
        tenths += 1;
    }
    format!("{}.{}", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_as_the_standard_formatting_rounds_them() {
        for (v, short, long) in [
            (0.0, "0", "0.0"),
            (12.0, "12", "12.0"),
            (12.5, "12.5", "12.5"),
            (10.333_333, "10.3", "10.3"),
            (10.96, "11", "11.0"),
            (-3.24, "-3.2", "-3.2"),
            (0.04, "0", "0.0"),
            (1023.95, "1024", "1024.0"),
            (f64::NAN, "0", "0.0"),
        ] {
            assert_eq!(Tenths(v).to_string(), short, "{v}");
            assert_eq!(OneDecimal(v).to_string(), long, "{v}");
        }
        // The same text as `{:.1}` for values away from a half.
        for i in 0..2000 {
            let v = i as f64 * 0.37 + 0.011;
            assert_eq!(OneDecimal(v).to_string(), format!("{v:.1}"), "{v}");
        }
    }

    #[test]
    fn ratios_round_as_the_standard_formatting_does() {
        // Exact values, halves to the even tenth (1.25 MB: "1.2").
        for (n, d, text) in [
            (0u128, 1u128, "0.0"),
            (1_310_720, 1_048_576, "1.2"),
            (1_363_148, 1_048_576, "1.3"),
            (35, 100, "0.4"),
            (45, 100, "0.4"),
            (1, 3, "0.3"),
            (2, 3, "0.7"),
            (999_999, 1000, "1000.0"),
            (7, 0, "0.0"),
        ] {
            assert_eq!(ratio(n, d), text, "{n}/{d}");
        }
        // Byte counts divided by powers of 1024 are exact in floating
        // point too: every one of these agrees with `{:.1}`.
        for bytes in (0u128..5_000_000).step_by(12_289) {
            for d in [1024u128, 1_048_576] {
                let v = bytes as f64 / d as f64;
                assert_eq!(ratio(bytes, d), format!("{v:.1}"), "{bytes}/{d}");
            }
        }
    }
}
