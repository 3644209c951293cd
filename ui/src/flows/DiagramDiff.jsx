import { useEffect, useRef, useState } from 'preact/hooks';
import NavigatedViewer from 'camunda-bpmn-js/lib/camunda-cloud/NavigatedViewer';
import 'camunda-bpmn-js/dist/assets/camunda-cloud-navigated-viewer.css';
import './diagramDiff.css';
import { changeCounts, changeText, diagramChanges, markersOf } from './diagramDiff.js';

/**
 * Two versions of a flow side by side, each element coloured by how it changed (added on the new diagram, removed on
 * the old, changed and moved on both), with a legend and the changes as a list a screen reader reads. Loaded on
 * demand (with the diagram viewer), so the flows list does not carry it.
 */
export function DiagramDiff({ before, after, from, to }) {
  const left = useRef(null);
  const right = useRef(null);
  const [changes, setChanges] = useState(null);
  const [error, setError] = useState(null);

  useEffect(() => {
    const viewers = [left.current, right.current].map((container) => new NavigatedViewer({ container }));
    let current = true;
    compare(viewers, before, after)
      .then((found) => current && setChanges(found))
      .catch((failure) => current && setError(`The diagrams could not be compared: ${failure.message}`));
    return () => {
      current = false;
      viewers.forEach((viewer) => viewer.destroy());
    };
  }, [before, after]);

  const counts = changes && changeCounts(changes);
  return (
    <div class="diagram-diff" data-testid="diagram-diff">
      <div class="legend" aria-hidden="true">
        <span><i class="l-added" />added</span>
        <span><i class="l-removed" />removed</span>
        <span><i class="l-changed" />changed</span>
        <span><i class="l-moved" />moved only</span>
      </div>
      {error && <div class="note note-error">{error}</div>}
      <div class="diagram-diff-sides">
        <figure>
          <figcaption>v{from} (before)</figcaption>
          <div class="run-diagram" ref={left} data-testid="diagram-before" />
        </figure>
        <figure>
          <figcaption>v{to} (after)</figcaption>
          <div class="run-diagram" ref={right} data-testid="diagram-after" />
        </figure>
      </div>
      {changes && (
        <>
          <p data-testid="diagram-diff-summary">
            Elements: {counts.added} added, {counts.removed} removed, {counts.changed} changed, {counts.moved} moved.
          </p>
          {changes.length > 0 && (
            <ul class="change-list" aria-label={`Changed elements from v${from} to v${to}`}>
              {changes.map((change) => (
                <li key={`${change.kind}-${change.id}`} data-change={change.kind} data-element={change.id}>
                  <i class={`l-${change.kind}`} aria-hidden="true" />{changeText(change)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

/** Shows each version in its viewer, and marks what changed; the changes found. */
async function compare([oldViewer, newViewer], before, after) {
  const [oldModel, newModel] = await Promise.all([
    oldViewer.get('moddle').fromXML(before),
    newViewer.get('moddle').fromXML(after)
  ]);
  await oldViewer.importDefinitions(oldModel.rootElement);
  await newViewer.importDefinitions(newModel.rootElement);
  const changes = diagramChanges(oldModel, newModel);
  const markers = markersOf(changes);
  mark(oldViewer, markers.before);
  mark(newViewer, markers.after);
  return changes;
}

function mark(viewer, markers) {
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  canvas.zoom('fit-viewport', 'auto');
  for (const [id, marker] of markers) {
    // the process itself is the canvas's root: it is listed, not coloured
    if (registry.get(id)?.parent) canvas.addMarker(id, marker);
  }
}
