// The diagram comparison of two versions of a flow: which elements were added, removed, changed or only moved, and
// what changed in each. The model diff is bpmn-js-differ's (bpmn.io, MIT); this module turns its answer into a list
// to show and the markers to colour each diagram with.
import { diff } from 'bpmn-js-differ';

/** The kinds of change, in the order the list shows them. */
export const CHANGE_KINDS = ['added', 'removed', 'changed', 'moved'];

/**
 * The changes from `before` to `after`, each parsed by bpmn-moddle as `{rootElement, elementsById}`:
 * `[{id, kind, type, name, details: [{setting, from, to}]}]`, by kind, then by name. `moved` is an element whose only
 * change is where it is drawn.
 */
export function diagramChanges(before, after) {
  // bpmn-js-differ 3.2 names a changed attribute's values the wrong way round (its handler takes (new, old) and is
  // called with (old, new)): the values come from the two models instead
  const found = diff(before.rootElement, after.rootElement);
  const changes = [];
  for (const [id, element] of Object.entries(found._added)) changes.push(change(id, 'added', element, []));
  for (const [id, element] of Object.entries(found._removed)) changes.push(change(id, 'removed', element, []));
  for (const id of Object.keys(found._changed)) {
    const old = before.elementsById[id];
    const now = after.elementsById[id];
    if (!old || !now) continue;
    changes.push(change(id, 'changed', now, settingChanges(old, now)));
  }
  const listed = new Set(changes.map((c) => c.id));
  for (const [id, element] of Object.entries(found._layoutChanged)) {
    if (!listed.has(id) && element) changes.push(change(id, 'moved', element, []));
  }
  return changes.sort((a, b) => CHANGE_KINDS.indexOf(a.kind) - CHANGE_KINDS.indexOf(b.kind)
    || (a.name || a.id).localeCompare(b.name || b.id));
}

/**
 * The marker class of each changed element on each side: removed ones on the old diagram, added ones on the new,
 * changed and moved ones on both. `{before: [[id, class]], after: [[id, class]]}`.
 */
export function markersOf(changes) {
  const before = [];
  const after = [];
  for (const { id, kind } of changes) {
    const marker = `mf-diff-${kind}`;
    if (kind !== 'added') before.push([id, marker]);
    if (kind !== 'removed') after.push([id, marker]);
  }
  return { before, after };
}

/** How many changes of each kind: `{added, removed, changed, moved}`. */
export function changeCounts(changes) {
  return Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, changes.filter((c) => c.kind === kind).length]));
}

/** One line of the change list, for reading: `Changed: Read orders (service task ReadOrders): input connection …`. */
export function changeText({ id, kind, type, name, details }) {
  const what = name ? `${name} (${type} ${id})` : `${type} ${id}`;
  const how = details.map(({ setting, from, to }) => {
    if (from === undefined) return `${setting} set to "${to}"`;
    if (to === undefined) return `${setting} removed (was "${from}")`;
    return `${setting} "${from}" → "${to}"`;
  });
  const title = kind === 'moved' ? 'Moved' : kind[0].toUpperCase() + kind.slice(1);
  return `${title}: ${what}${how.length ? `: ${how.join('; ')}` : ''}`;
}

function change(id, kind, element, details) {
  return { id, kind, type: typeName(element.$type), name: element.name || '', details };
}

/** `bpmn:ServiceTask` → `service task`. */
export function typeName(type) {
  const local = String(type || 'element').replace(/^.*:/, '');
  return local.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The settings of an element that differ between its two versions, by setting name. */
function settingChanges(old, now) {
  const a = settingsOf(old);
  const b = settingsOf(now);
  const names = [...new Set([...a.keys(), ...b.keys()])];
  const details = names
    .filter((name) => a.get(name) !== b.get(name))
    .map((setting) => ({ setting, from: a.get(setting), to: b.get(setting) }));
  return details.length > 0 ? details : [{ setting: 'other properties', from: 'as before', to: 'changed' }];
}

/** What a user sets on an element, flattened to `setting → text`: name, step type, inputs, headers, conditions. */
function settingsOf(element) {
  const settings = new Map();
  const put = (name, value) => {
    if (value !== undefined && value !== null && value !== '') settings.set(name, String(value));
  };
  put('name', element.name);
  put('condition', element.conditionExpression?.body);
  (element.documentation || []).forEach((doc, i) => put(i ? `documentation ${i + 1}` : 'documentation', doc.text));
  (element.eventDefinitions || []).forEach((definition) => {
    for (const key of ['timeCycle', 'timeDate', 'timeDuration']) put(`timer ${key}`, definition[key]?.body);
    put(typeName(definition.$type), definition.messageRef?.name || definition.errorRef?.errorCode || definition.$type);
  });
  for (const extension of element.extensionElements?.values || []) {
    switch (extension.$type) {
      case 'zeebe:TaskDefinition':
        put('step type', extension.type);
        put('retries', extension.retries);
        break;
      case 'zeebe:IoMapping':
        (extension.inputParameters || []).forEach((p) => put(`input ${p.target}`, p.source));
        (extension.outputParameters || []).forEach((p) => put(`output ${p.target}`, p.source));
        break;
      case 'zeebe:TaskHeaders':
        (extension.values || []).forEach((header) => put(`header ${header.key}`, header.value));
        break;
      default:
        put(typeName(extension.$type), JSON.stringify(plain(extension)));
    }
  }
  return settings;
}

/** A moddle element's own properties as plain data (no parent links), for comparing unknown extensions. */
function plain(value, depth = 0) {
  if (value === null || typeof value !== 'object' || depth > 4) return value;
  if (Array.isArray(value)) return value.map((item) => plain(item, depth + 1));
  const out = value.$type ? { $type: value.$type } : {};
  for (const key of Object.keys(value)) {
    if (!key.startsWith('$')) out[key] = plain(value[key], depth + 1);
  }
  return out;
}
