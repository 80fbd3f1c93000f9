// GET /api/milestones: the milestone timeline (open and recently finished milestones per month,
// overdue flagged) as JSON for the web chat's "Mijlpalen" panel. Read-only: the web chat has no
// accounts, so changing a milestone stays with the chat commands and reminder buttons.
import type { Language } from '../../core/types.js';
import type { Timeline } from '../../milestones/timeline.js';
import type { Route } from '../../server/http-server.js';
import { sendJson } from '../../server/http.js';

export const milestonesApiPath = '/api/milestones';

export function createTimelineRoutes(timeline: (language: Language) => Timeline): Route[] {
  return [
    {
      method: 'GET',
      path: milestonesApiPath,
      handle: (_req, res, url) => {
        const language: Language = url.searchParams.get('lang') === 'en' ? 'en' : 'nl';
        sendJson(res, 200, timeline(language));
      },
    },
  ];
}
