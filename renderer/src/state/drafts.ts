// Local drafts of typed values that have not reached the database yet: written before a save, dropped after it.
// A crash or a failed save leaves the draft, which the detail panel restores and saves again when the row is opened.
export const draftKey = (roundId: number, entity: string, id: string, field: string) => `pr-draft:${roundId}:${entity}:${id}:${field}`;

export const drafts = {
  get: (k: string) => { try { return localStorage.getItem(k); } catch { return null; } },
  set: (k: string, v: string) => { try { localStorage.setItem(k, v); } catch { /* storage full: the save itself still runs */ } },
  drop: (k: string) => { try { localStorage.removeItem(k); } catch { /* nothing kept */ } },
};
