import type { Ctx } from '../context';
import { toLocalDate } from '../shared/local-date';

/**
 * A warning when next year's holiday arrangement is not loaded and its deadlines fall back to the
 * weekday rule: shown from 1 October, when the State Council notice is usually near.
 */
export const calendarWarning = async (ctx: Ctx): Promise<string | null> => {
  const today = toLocalDate(ctx.now);
  const year = Number(today.slice(0, 4));
  const calendar = await ctx.services.calendar.get();
  if (!calendar.coversYear(year)) return `${year}年法定节假日与调休安排尚未维护，期限按普通周末计算，请系统管理员在“节假日”中补录。`;
  if (today.slice(5) >= '10-01' && !calendar.coversYear(year + 1)) {
    return `${year + 1}年法定节假日与调休安排尚未维护，跨年期限暂按普通周末计算，国务院办公厅通知发布后请及时补录。`;
  }
  return null;
};
