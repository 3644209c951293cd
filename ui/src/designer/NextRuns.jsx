import { api } from '../api/client.js';
import { useLoad } from '../ui/components.jsx';
import { formatTime } from '../ui/format.js';

/** The deployed flow's timer start events and when each fires next (edit them on the diagram, then deploy). */
export function NextRuns({ flowId, version }) {
  const schedules = useLoad(() => api.get(`/api/schedules?flow=${encodeURIComponent(flowId)}`), [flowId, version]);
  if (!schedules.data || schedules.data.length === 0) return null;
  return (
    <p class="next-runs muted" data-testid="next-runs">
      Schedules of v{version}:{' '}
      {schedules.data.map((schedule, i) => (
        <span key={schedule.elementId}>
          {i > 0 && '; '}
          <strong>{schedule.name || schedule.elementId}</strong> ({schedule.expression})
          {schedule.nextFireAt ? `, next ${formatTime(schedule.nextFireAt)}` : `, ${schedule.note || 'does not fire again'}`}
        </span>
      ))}
    </p>
  );
}
