/** Descriptive statistics on plain or typed arrays. Empty input and NaN throw a RangeError. */
export type Sample = Float64Array | readonly number[];

/** 1 / Φ⁻¹(3/4): scales the MAD to estimate σ of a normal distribution. */
export const MAD_NORMAL_SCALE = 1.482602218505602;

function check(x: Sample, what: string): void {
  if (x.length === 0) throw new RangeError(`${what} of an empty sample`);
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i])) throw new RangeError(`${what}: sample value ${i} is NaN`);
  }
}

function checkQuantile(q: number): void {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile ${q} outside [0, 1]`);
}

export function mean(x: Sample): number {
  check(x, 'mean');
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] as number;
  return s / x.length;
}

/** Sample standard deviation (n − 1 denominator); 0 for a single value. */
export function stdev(x: Sample): number {
  const m = mean(x);
  if (x.length < 2) return 0;
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += ((x[i] as number) - m) ** 2;
  return Math.sqrt(ss / (x.length - 1));
}

/** Coefficient of variation: sample standard deviation over the mean. */
export function cv(x: Sample): number {
  return stdev(x) / mean(x);
}

export function geometricMean(x: Sample): number {
  check(x, 'geometric mean');
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (v < 0) throw new RangeError(`geometric mean: sample value ${i} is negative (${v})`);
    s += Math.log(v);
  }
  return Math.exp(s / x.length);
}

/**
 * Quantile by linear interpolation between order statistics (Hyndman–Fan type 7, numpy's default):
 * position h = (n − 1)·q in the sorted sample.
 */
export function quantile(x: Sample, q: number): number {
  check(x, 'quantile');
  checkQuantile(q);
  return selectQuantile(Float64Array.from(x), q);
}

export function median(x: Sample): number {
  return quantile(x, 0.5);
}

/** Median absolute deviation from the median; pass MAD_NORMAL_SCALE as scale to estimate σ. */
export function mad(x: Sample, scale = 1): number {
  const m = median(x);
  const dev = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) dev[i] = Math.abs((x[i] as number) - m);
  return scale * selectQuantile(dev, 0.5);
}

/**
 * Type-7 quantile of the first `length` values of `buf`, found by selection in O(n); reorders `buf`.
 * No validation: the hot path of the bootstrap.
 */
export function selectQuantile(buf: Float64Array, q: number, length = buf.length): number {
  const h = (length - 1) * q;
  const k = Math.floor(h);
  const lo = select(buf, k, length);
  if (k + 1 >= length || h === k) return lo;
  // After selecting k, everything right of k is ≥ the k-th value: the (k+1)-th is their minimum.
  let hi = Infinity;
  for (let i = k + 1; i < length; i++) if ((buf[i] as number) < hi) hi = buf[i] as number;
  return hi === lo ? lo : lo + (h - k) * (hi - lo);
}

/** Hoare-style quickselect with median-of-three pivots: buf[k] ends as the k-th smallest. */
function select(buf: Float64Array, k: number, length: number): number {
  let left = 0;
  let right = length - 1;
  while (right > left) {
    const mid = (left + right) >>> 1;
    const a = buf[left] as number;
    const b = buf[mid] as number;
    const c = buf[right] as number;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((buf[i] as number) < pivot) i++;
      while ((buf[j] as number) > pivot) j--;
      if (i <= j) {
        const t = buf[i] as number;
        buf[i] = buf[j] as number;
        buf[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return buf[k] as number;
}
