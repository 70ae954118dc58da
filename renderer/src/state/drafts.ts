// Local drafts of typed values that have not reached the service yet: written before a save, dropped once the service
// answered (saved, or refused with its reason: a refused value is not kept). A crash, or a save that never reached the
// service, leaves the draft, which the detail panel restores and saves again when the row is opened.
export const draftKey = (roundId: number, entity: string, id: string, field: string) => `pr-draft:${roundId}:${entity}:${id}:${field}`;

export const drafts = {
  get: (k: string) => { try { return localStorage.getItem(k); } catch { return null; } },
  set: (k: string, v: string) => { try { localStorage.setItem(k, v); } catch { /* storage full: the save itself still runs */ } },
  drop: (k: string) => { try { localStorage.removeItem(k); } catch { /* nothing kept */ } },
};
