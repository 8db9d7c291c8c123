// The password policy as users see it; the server enforces it.
export const PASSWORD_POLICY = '至少12位，包含大写、小写、数字、特殊字符中至少三类';

/** A Chinese description of what the password lacks, or null when it meets the policy. */
export const passwordProblem = (pw: string): string | null => {
  if (pw.length < 12) return '口令至少12位';
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
  if (classes < 3) return '须包含大写、小写、数字、特殊字符中至少三类';
  return null;
};
