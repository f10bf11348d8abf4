//! Numbers written with one decimal, without core's float formatting
//! (the Grisu and Dragon algorithms and their tables, ~12 KB of wasm):
//! what is shown is rounded to tenths anyway (README, "Keeping the village wasm small").

use std::fmt;

/// `v` rounded to tenths, written without a trailing `.0`: "12", "12.5",
/// "-3.2". For drawing coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tenths(pub f64);

/// `v` rounded to tenths, always with its decimal: "12.0", "12.5", as
/// `{:.1}` writes it.
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
}
