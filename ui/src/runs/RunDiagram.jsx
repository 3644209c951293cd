import { useEffect, useRef, useState } from 'preact/hooks';
import NavigatedViewer from 'camunda-bpmn-js/lib/camunda-cloud/NavigatedViewer';
import 'camunda-bpmn-js/dist/assets/camunda-cloud-navigated-viewer.css';
import { graphOf, pathTaken } from './runStates.js';
import { showSystemIcons } from '../designer/systemIcons.js';

const MARKERS = ['mf-completed', 'mf-active', 'mf-failed'];

/** The flow's diagram with each element coloured by its state in the run, and the sequence flows the run took. */
export function RunDiagram({ xml, states, runStatus, onSelect = () => {} }) {
  const container = useRef(null);
  const viewer = useRef(null);
  const [error, setError] = useState(null);
  const [imported, setImported] = useState(false);

  useEffect(() => {
    viewer.current = new NavigatedViewer({ container: container.current });
    viewer.current.on('element.click', ({ element }) => onSelect(element.id));
    showSystemIcons(viewer.current);
    viewer.current.importXML(xml)
      .then(() => {
        viewer.current.get('canvas').zoom('fit-viewport', 'auto');
        setImported(true);
      })
      .catch((failure) => setError(`The diagram could not be shown: ${failure.message}`));
    return () => viewer.current.destroy();
  }, [xml]);

  useEffect(() => {
    if (!imported) return;
    const canvas = viewer.current.get('canvas');
    const elements = viewer.current.get('elementRegistry').getAll();
    const { passed, taken } = pathTaken(graphOf(elements), states, runStatus);
    for (const element of elements) {
      for (const marker of [...MARKERS, 'mf-taken']) canvas.removeMarker(element.id, marker);
      const state = states.get(element.id) || (passed.has(element.id) ? 'completed' : null);
      if (state) canvas.addMarker(element.id, `mf-${state}`);
      if (taken.has(element.id)) canvas.addMarker(element.id, 'mf-taken');
    }
  }, [imported, states, runStatus]);

  return (
    <div>
      <div class="legend" aria-hidden="true">
        <span><i class="l-completed" />completed</span>
        <span><i class="l-active" />active</span>
        <span><i class="l-failed" />failed</span>
      </div>
      {error && <div class="note note-error">{error}</div>}
      <div class="run-diagram" ref={container} data-testid="run-diagram" />
    </div>
  );
}
