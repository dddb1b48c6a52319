/**
 * Class-label order as scikit-learn sees it. Labels read from CSV are strings; scikit-learn would see the
 * column as numbers when every value parses as one (pandas/numpy do that) and sort numerically, else sort the
 * strings as numpy does (by Unicode code point).
 */

/** Decimal number syntax as numpy/pandas parse it from text (no hex, no empty string, no inf/nan words). */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The value of a label when it is a finite decimal number, else NaN. */
export function numericLabelValue(label: string): number {
  const t = label.trim();
  if (!NUMBER.test(t)) return NaN;
  const v = Number(t);
  return Number.isFinite(v) ? v : NaN;
}

/**
 * Compare by Unicode code point, as numpy compares str (UTF-32). JavaScript's `<` on strings compares UTF-16
 * code units, which puts U+E000–U+FFFF after astral characters; remapping the unit at the first difference fixes it.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return remap(x) - remap(y);
  }
  return a.length - b.length;
}

const remap = (u: number): number => (u >= 0xe000 ? u - 0x800 : u >= 0xd800 ? u + 0x2000 : u);

/**
 * Distinct labels in scikit-learn's order: numeric order when every label is a finite number ("2" < "10";
 * equal numbers spelt differently are ordered by their text), else code-point string order.
 */
export function sortLabels(labels: Iterable<string>): string[] {
  const unique = [...new Set(labels)];
  const values = unique.map(numericLabelValue);
  if (unique.length > 0 && values.every((v) => !Number.isNaN(v))) {
    const order = unique.map((_, i) => i);
    order.sort((i, j) => (values[i] as number) - (values[j] as number) || compareCodePoints(unique[i] as string, unique[j] as string));
    return order.map((i) => unique[i] as string);
  }
  return unique.sort(compareCodePoints);
}
