import { Field } from '../ui/components.jsx';

/** Routes: a FEEL condition over body, headers and query, the flow it starts, and optional variables. */
export function RoutesEditor({ routes, flows, errors, matchAll, onChange, onMatchAll, onAdd }) {
  const update = (index, key) => (event) => {
    const value = event.currentTarget.value;
    onChange(routes.map((route, i) => (i === index ? { ...route, [key]: value } : route)));
  };
  return (
    <fieldset>
      <legend>Routes</legend>
      <p class="muted">
        Conditions are FEEL over <code>body</code>, <code>headers</code> and <code>query</code>, e.g.
        <code> body.type = "downtime"</code>. Empty matches every event.
      </p>
      {errors.routes && <p class="field-error" role="alert">{errors.routes}</p>}
      {routes.map((route, index) => (
        <div class="route-row" key={index} data-route={index}>
          <Field label={`Route ${index + 1}: condition (FEEL)`} id={`route-${index}-condition`}
            error={errors[`routes.${index}.condition`]}>
            <input id={`route-${index}-condition`} class="mono" value={route.condition} placeholder='body.type = "order"'
              onInput={update(index, 'condition')} aria-invalid={errors[`routes.${index}.condition`] ? 'true' : 'false'} />
          </Field>
          <Field label="Starts flow" id={`route-${index}-flow`} error={errors[`routes.${index}.flowId`]}>
            <select id={`route-${index}-flow`} value={route.flowId} onChange={update(index, 'flowId')}
              aria-invalid={errors[`routes.${index}.flowId`] ? 'true' : 'false'}>
              <option value="">Choose a flow…</option>
              {flows.map((flow) => <option value={flow.id} key={flow.id}>{flow.name || flow.id}</option>)}
            </select>
          </Field>
          <Field label="Variables (FEEL context, optional)" id={`route-${index}-variables`} error={errors[`routes.${index}.variables`]}>
            <input id={`route-${index}-variables`} class="mono" value={route.variables} placeholder="{machine: body.machine}"
              onInput={update(index, 'variables')} />
          </Field>
          <div class="field">
            <button type="button" onClick={() => onChange(routes.filter((_, i) => i !== index))}
              aria-label={`Remove route ${index + 1}`} disabled={routes.length === 1}>Remove</button>
          </div>
        </div>
      ))}
      <div class="actions">
        <button type="button" onClick={onAdd}>Add a route</button>
        <label><input type="checkbox" checked={matchAll} onChange={(e) => onMatchAll(e.currentTarget.checked)} /> Start every matching route (not only the first)</label>
      </div>
    </fieldset>
  );
}
