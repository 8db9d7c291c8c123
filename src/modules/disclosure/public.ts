/** What other modules may use of `disclosure`: event names and payloads. */
export const DISCLOSURE_EVENTS = {
  replied: 'disclosure.disclosure_request.reply',
} as const;

export interface DisclosureTransitionEvent {
  id: number;
  from: string;
  to: string;
  actorId: number | null;
}
