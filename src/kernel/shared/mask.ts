/** 脱敏: masks for lists, exports and logs (security-bar §3.2). */

/** 身份证号: first 3 and last 4 kept, e.g. 110***********123X. */
export const maskIdNumber = (v: string | null | undefined): string | null =>
  v ? (v.length <= 7 ? '*'.repeat(v.length) : `${v.slice(0, 3)}${'*'.repeat(v.length - 7)}${v.slice(-4)}`) : null;

/** 手机号: 138****5678. */
export const maskPhone = (v: string | null | undefined): string | null =>
  v ? (v.length < 7 ? '*'.repeat(v.length) : `${v.slice(0, 3)}${'*'.repeat(v.length - 7)}${v.slice(-4)}`) : null;

/** 地址: kept up to the county/district, the rest masked. */
export const maskAddress = (v: string | null | undefined): string | null => {
  if (!v) return null;
  const m = v.match(/^(.*?(?:省|自治区|市)?.*?(?:市|州|盟)?.*?(?:区|县|旗))/);
  const keep = m && m[1] && m[1].length < v.length ? m[1] : v.slice(0, Math.min(6, Math.floor(v.length / 2)));
  return `${keep}****`;
};

/** 姓名: 张* / 欧阳**, for cross-unit and portal views. */
export const maskName = (v: string | null | undefined): string | null => {
  if (!v) return null;
  const chars = [...v];
  if (chars.length <= 1) return v;
  const keep = chars.length >= 4 ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep);
};

/** 电子邮箱: first character of the local part kept, e.g. z***@example.com. */
export const maskEmail = (v: string | null | undefined): string | null => {
  if (!v) return null;
  const at = v.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${v[0]}***${v.slice(at)}`;
};
