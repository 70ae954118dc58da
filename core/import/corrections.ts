// What a planner corrected survives a re-import: before the importer writes a row, the fields listed as corrected are
// kept aside, and after, put back (unless the planner chose the document's value in the preview, which is recorded in
// the import's history). Rows the planner deleted stay out. Unit names merged into others are written as the new name.
import type { DB } from '../../db/connection';
import { recordCell } from '../../db/repos/history';
import { readDefinition, writeDefinition, editedFields, editedIds, markEdited, unmarkEdited, rowExists, isDefinitionField, type DefEntity } from '../../db/repos/definitions';
import { listAliases, writeAlias, readAlias } from '../../db/repos/units';
import { placeRow, ChangeSet } from '../write/definitions';

/** The key of a field choice: 'task:ID:field'. */
export const choiceKey = (entity: DefEntity, id: string, field: string): string => `${entity}:${id}:${field}`;

/** Maps unit lists through the aliases: merged names become the unit they were merged into, each unit once. */
export function aliasing(db: DB): (u: string[] | undefined) => string[] {
  const map = new Map(listAliases(db).map((a) => [a.alias, a.unit]));
  return (list) => [...new Set((list ?? []).map((u) => map.get(u.trim()) ?? u.trim()).filter(Boolean))];
}

export class Corrections {
  /** A unit list with merged names replaced by the unit they were merged into, each unit once. */
  units: (list: string[] | undefined) => string[];
  private saved = new Map<string, { field: string; value: string }[]>();
  /** Tasks that keep a chapter the planner moved them to: placed in it once the document's tasks are written. */
  private moved: string[] = [];
  /** Per kind, the rows with any corrected field, read once: most incoming rows have none and need no question. */
  private edited = new Map<DefEntity, Set<string>>();

  constructor(private db: DB, private actionId: number, private take: ReadonlySet<string>, aliases: { alias: string; unit: string }[] = []) {
    for (const a of aliases) if (a.alias && a.unit && a.alias !== a.unit && readAlias(db, a.alias) == null) writeAlias(db, a.alias, a.unit);
    this.units = aliasing(db);
  }

  /** Whether an incoming row was deleted by the planner (and not brought back in the preview). */
  skip(entity: 'task' | 'target', id: string): boolean {
    if (!this.hasEdits(entity, id)) return false;
    if (rowExists(this.db, entity, id) || !editedFields(this.db, entity, id).includes('deleted')) return false;
    if (!this.take.has(choiceKey(entity, id, 'deleted'))) return true;
    unmarkEdited(this.db, entity, id, 'deleted');
    return false;
  }

  /** Keeps aside the corrected fields of a stored row, before the document overwrites them. */
  before(entity: DefEntity, id: string): void {
    if (!this.hasEdits(entity, id) || !rowExists(this.db, entity, id)) return;
    const fields = editedFields(this.db, entity, id).filter((f) => isDefinitionField(entity, f));
    this.saved.set(`${entity}:${id}`, fields.map((field) => ({ field, value: readDefinition(this.db, entity, id, field) ?? '' })));
  }

  /** Puts the corrections back; a field the planner gave to the document is written as the document says, in the history. */
  after(entity: DefEntity, id: string, edited?: string[]): void {
    for (const { field, value } of this.saved.get(`${entity}:${id}`) ?? []) {
      const now = readDefinition(this.db, entity, id, field) ?? '';
      if (this.take.has(choiceKey(entity, id, field))) {
        unmarkEdited(this.db, entity, id, field);
        if (now !== value) recordCell(this.db, this.actionId, entity, id, null, field, value, now);
      } else if (now !== value && !(field === 'taskId' && value && !rowExists(this.db, 'task', value))) {
        writeDefinition(this.db, entity, id, field, value);
        if (entity === 'task' && field === 'path') this.moved.push(id);
      }
    }
    this.saved.delete(`${entity}:${id}`);
    for (const f of edited ?? []) if (f === 'created' || isDefinitionField(entity, f)) this.mark(entity, id, f);
  }

  private hasEdits(entity: DefEntity, id: string): boolean {
    let ids = this.edited.get(entity);
    if (!ids) this.edited.set(entity, (ids = editedIds(this.db, entity)));
    return ids.has(id);
  }

  private mark(entity: DefEntity, id: string, field: string): void {
    markEdited(this.db, entity, id, field, null);
    this.edited.get(entity)?.add(id);
  }

  /** Puts the tasks that kept a chapter of the planner's at the end of that chapter, so the plan's tree keeps its order. */
  placeMoved(): void {
    const changes = new ChangeSet(this.db);
    for (const id of this.moved.splice(0)) placeRow(this.db, this.actionId, 'task', id, null, changes);
  }

  /** Rows the planner left out or turned into another kind in the preview stay out of later imports of the document. */
  tombstone(entity: 'task' | 'target', id: string): void {
    if (!rowExists(this.db, entity, id)) this.mark(entity, id, 'deleted');
  }
}
