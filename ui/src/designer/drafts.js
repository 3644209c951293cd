// Undeployed designer changes, kept per flow in the browser (localStorage) so that leaving the designer, a crash or a
// closed tab loses nothing: the draft is offered back when the flow is opened again, and deploying clears it.

const PREFIX = 'millflow.draft';

/** The storage key of a flow's draft; per tenant, so two tenants' flows of the same id never meet. */
export function draftKey(flowId, tenant) {
  return `${PREFIX}:${tenant || '-'}:${flowId}`;
}

/** Keeps the diagram as the flow's draft, with when it was saved and the version it was based on. */
export function saveDraft(storage, key, { xml, baseVersion = null }, now = Date.now()) {
  try {
    storage.setItem(key, JSON.stringify({ xml, baseVersion, savedAt: new Date(now).toISOString() }));
    return true;
  } catch {
    return false; // storage full or disabled: the leave guard still asks
  }
}

/** The flow's draft ({xml, baseVersion, savedAt}), or null when there is none or it cannot be read. */
export function loadDraft(storage, key) {
  try {
    const draft = JSON.parse(storage.getItem(key) || 'null');
    return draft && typeof draft.xml === 'string' ? draft : null;
  } catch {
    return null;
  }
}

export function clearDraft(storage, key) {
  storage.removeItem(key);
}

/** The draft to offer when a flow opens: only one that differs from what was loaded (ignoring whitespace). */
export function draftToOffer(draft, loadedXml) {
  if (!draft) return null;
  return normalise(draft.xml) === normalise(loadedXml) ? null : draft;
}

function normalise(xml) {
  return (xml || '').replace(/\s+/g, ' ').replace(/> </g, '><').trim();
}
