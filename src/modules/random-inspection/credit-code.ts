/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from 0-9 and 21 capital letters (no I, O, Z, S, V);
 * the last is a check character: C18 = 31 − (Σ Ci·Wi mod 31), with 31 written as 0.
 */
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or null if they contain a character outside the set. */
export const creditCodeCheckChar = (first17: string): string | null => {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const v = CHARS.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  const c = 31 - (sum % 31);
  return CHARS[c === 31 ? 0 : c]!;
};

/** Whether `code` is a well-formed unified social credit code with a correct check character. */
export const isValidCreditCode = (code: string): boolean => /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code) && creditCodeCheckChar(code.slice(0, 17)) === code[17];

/** Completes 17 characters with their check character (demo data and tests). */
export const withCheckChar = (first17: string): string => `${first17}${creditCodeCheckChar(first17) ?? '0'}`;
