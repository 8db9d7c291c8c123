import { randomInt } from 'node:crypto';

// No 0/O/1/I/L: a code read over the phone must not be misheard.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** 查询码: 12 random characters (about 59 bits) with which an applicant follows a case on the portal. */
export const newReceiptCode = (): string => Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
