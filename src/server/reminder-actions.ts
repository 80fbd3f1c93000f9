// Port: what a channel calls when someone presses a reminder button (done, snooze, move). The
// milestones module implements it; channels only render the buttons and show the returned text.
import type { ReminderAction } from '../milestones/reminder-sender.js';

export interface ReminderActionRequest {
  milestoneId: string;
  action: ReminderAction;
  /** Who pressed it, as the channel knows them ('slack:U123', 'teams:<aad id>'). */
  userId: string;
  /** For 'move': the new due day, YYYY-MM-DD. */
  newDate?: string;
}

export interface ReminderActions {
  /** Apply the action; the text confirms it (or says why not) in the milestone's language. */
  apply(request: ReminderActionRequest): Promise<{ ok: boolean; text: string }>;
}
