import { AppError } from '../errors/app-error';
import type { Ctx } from '../context';

/** One declared figure as other modules may bind to it (an indicator's evidence, an automatic 考核 item). */
export interface StatisticInfo {
  id: string;
  section: string;
  label: string;
  unit: string;
}

/** Every figure the deployment's modules declare, for choosing a binding. */
export const statisticCatalog = (ctx: Ctx): StatisticInfo[] =>
  ctx.services.registry.statistics().map((s) => ({ id: s.id, section: s.section, label: s.label, unit: s.unit }));

/** Whether a statistic id is declared by some module. */
export const isDeclaredStatistic = (ctx: Ctx, id: string): boolean => ctx.services.registry.statistics().some((s) => s.id === id);

/**
 * A declared figure for `year`, under the actor's data scope and, with `orgId`, narrowed to that unit's
 * subtree. Modules read each other's figures only through this, never through each other's tables.
 */
export const computeStatistic = async (
  ctx: Ctx,
  id: string,
  args: { year: number; orgId?: number | undefined },
): Promise<{ info: StatisticInfo; value: number | null }> => {
  const def = ctx.services.registry.statistics().find((s) => s.id === id);
  if (!def) throw new AppError('NOT_FOUND', `统计项 ${id} 未声明`);
  const value = await def.compute({ ctx, year: args.year, orgId: args.orgId });
  return { info: { id: def.id, section: def.section, label: def.label, unit: def.unit }, value };
};
