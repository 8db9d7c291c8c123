/**
 * What other modules may use of `inspection`. Nothing is needed yet: other modules' overdue deadlines reach
 * 督办 through the kernel's open-deadline list (findOpenDeadlines / getOpenDeadlineInScope), not through
 * imports of this module. Event names are stable for subscribers of the outbox.
 */
export const INSPECTION_EVENTS = {
  orderClosed: 'inspection.supervision_order.close',
  orderReturned: 'inspection.supervision_order.returnForRework',
} as const;
