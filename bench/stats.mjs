// The statistics of both benchmarks, defined once: medians, paired per-round ratios, their spread, and verdicts that
// only call a target met when the spread clears it.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Half the range across rounds, relative to the median (`m`, when the caller has it): how noisy a row is. */
export function relativeSpread(values, m = median(values)) {
  return values.length > 1 ? (Math.max(...values) - Math.min(...values)) / 2 / m : 0;
}

/**
 * One value per round from two series measured in the same rounds: f(a[i], b[i]). The rounds interleave the
 * contenders, so a slow moment of a shared machine slows both sides of a pair and mostly cancels in the ratio.
 */
export function paired(a, b, f = (x, y) => x / y) {
  const n = Math.min(a.length, b.length);
  const out = [];
  for (let i = 0; i < n; i++) if (Number.isFinite(a[i]) && Number.isFinite(b[i])) out.push(f(a[i], b[i]));
  return out;
}

/** P(X <= k) for X ~ Binomial(n, 1/2). */
function binomialCdf(k, n) {
  let term = Math.pow(0.5, n);
  let sum = 0;
  for (let i = 0; i <= k; i++) {
    sum += term;
    term = (term * (n - i)) / (i + 1);
  }
  return sum;
}

/**
 * The median of `values` and a distribution-free confidence interval for it: the k-th lowest and k-th highest
 * values, k as large as keeps the confidence at 95% or more (with fewer than 6 values, k = 1: the range, whose
 * confidence is then lower, and said so). It assumes nothing about the shape of the noise, only that rounds are
 * independent. With 7 rounds it is the range (98% confidence); with 9 to 11, the second lowest to second highest.
 */
export function interval(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const n = sorted.length;
  if (!n) return { median: NaN, low: NaN, high: NaN, confidence: 0, n };
  let k = 1;
  while (k + 1 <= n / 2 && 1 - 2 * binomialCdf(k, n) >= 0.95) k++;
  return {
    median: median(sorted),
    low: sorted[k - 1],
    high: sorted[n - k],
    confidence: n > 1 ? 1 - 2 * binomialCdf(k - 1, n) : 0,
    n,
  };
}

/**
 * The verdict on a target for an interval: 'met' when the whole interval is on the good side of the target,
 * 'missed' when the whole interval is on the bad side, 'unclear' when the target lies inside it (the noise of this
 * run cannot tell). `atLeast`: higher is better (a ratio ≥ target); otherwise lower is better (≤ target).
 */
export function judge(iv, target, atLeast = true) {
  if (!Number.isFinite(iv.median)) return 'unclear';
  const good = (x) => (atLeast ? x >= target : x <= target);
  if (good(iv.low) && good(iv.high)) return 'met';
  if (!good(iv.low) && !good(iv.high)) return 'missed';
  return 'unclear';
}

export const VERDICT = { met: 'MET', missed: 'MISSED', unclear: 'UNCLEAR' };
