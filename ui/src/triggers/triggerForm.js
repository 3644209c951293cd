// The webhook trigger form: checking it, and turning it into the API's trigger definition.

export const SIGNATURES = [
  { type: 'hmac', label: 'HMAC of the body in a header (GitHub, Shopify and most senders)' },
  { type: 'timestamped', label: 'Timestamped HMAC: t=<unix>,v1=<hex> (replay protection)' },
  { type: 'makini', label: 'Makini (X-Webhook-Signature, Base64 HMAC-SHA256)' }
];

export function emptyTrigger() {
  return {
    name: '',
    signature: { type: 'hmac', header: 'X-Signature', prefix: 'sha256=', algorithm: 'sha256', encoding: 'hex', toleranceSeconds: '300' },
    eventIdSource: 'body',
    eventIdValue: '',
    matchAll: false,
    routes: [emptyRoute()]
  };
}

export function emptyRoute() {
  return { condition: '', flowId: '', variables: '' };
}

/** {field: message} for what must change before the trigger can be created. */
export function validateTrigger(form) {
  const errors = {};
  if (!form.name.trim()) errors.name = 'Enter a name that says who sends these webhooks, e.g. “Idhammar stops”.';
  if (form.signature.type !== 'makini' && !form.signature.header.trim()) {
    errors['signature.header'] = 'Enter the header the sender puts its signature in, e.g. X-Signature.';
  }
  if (form.signature.type === 'timestamped' && !(Number(form.signature.toleranceSeconds) > 0)) {
    errors['signature.toleranceSeconds'] = 'Enter how many seconds a signed timestamp may be old, e.g. 300.';
  }
  if (form.eventIdSource === 'header' && !/^[A-Za-z0-9-]+$/.test(form.eventIdValue.trim())) {
    errors.eventIdValue = 'Enter the header that carries the event id, e.g. X-Event-Id.';
  }
  if (form.eventIdSource === 'pointer' && !/^\/\S*$/.test(form.eventIdValue.trim())) {
    errors.eventIdValue = 'Enter a JSON pointer starting with "/", e.g. /id or /event/id.';
  }
  return { ...errors, ...validateRoutes(form.routes) };
}

/** {field: message} for the routes alone (the route editor of an existing trigger). */
export function validateRoutes(routes) {
  const errors = {};
  if (routes.length === 0) errors.routes = 'Add at least one route: which flow starts for which events.';
  routes.forEach((route, i) => {
    if (!route.flowId) errors[`routes.${i}.flowId`] = 'Choose the flow this route starts.';
    const variables = route.variables.trim();
    if (variables && !(variables.startsWith('{') && variables.endsWith('}'))) {
      errors[`routes.${i}.variables`] = 'Write a FEEL context such as {orderId: body.id}, or leave empty to pass the whole body.';
    }
  });
  return errors;
}

/** A trigger's routes as the editor holds them; null when one correlates a message (the editor starts flows only). */
export function editableRoutes(trigger) {
  if (trigger.routes.some((route) => !route.flowId)) return null;
  return trigger.routes.map((route) => ({
    condition: route.condition === 'true' ? '' : route.condition || '',
    flowId: route.flowId,
    variables: route.variables || ''
  }));
}

/** The body of PUT /api/triggers/{id}/routes. */
export function routesUpdate(routes, matchAll) {
  return { routes: triggerDefinition({ ...emptyTrigger(), name: 'x', routes, matchAll }).routes, matchAll };
}

/** The body of POST /api/triggers. */
export function triggerDefinition(form) {
  const { signature } = form;
  const scheme = signature.type === 'makini' ? { type: 'makini' }
    : signature.type === 'timestamped'
      ? { type: 'timestamped', header: signature.header.trim(), toleranceSeconds: Number(signature.toleranceSeconds) }
      : { type: 'hmac', header: signature.header.trim(), prefix: signature.prefix, algorithm: signature.algorithm, encoding: signature.encoding };
  const eventId = form.eventIdSource === 'header' ? `header:${form.eventIdValue.trim()}`
    : form.eventIdSource === 'pointer' ? `pointer:${form.eventIdValue.trim()}` : null;
  return {
    name: form.name.trim(),
    signature: scheme,
    eventId,
    matchAll: form.matchAll,
    routes: form.routes.map((route) => ({
      condition: route.condition.trim() || 'true',
      flowId: route.flowId,
      ...(route.variables.trim() ? { variables: route.variables.trim() } : {})
    }))
  };
}

/** The run ids an event started (an array; empty until it is dispatched). */
export function runIdsOf(event) {
  return Array.isArray(event?.runIds) ? event.runIds.map(String) : [];
}

/** How a sender signs a request for this trigger, as a shell example (the secret as $SECRET). */
export function signingExample(url, signature) {
  return `${SECRET_LINE}\n${signingSteps(url, signature)}`;
}

// The secret is shown once, when the trigger is made or its secret rotated: the sender pastes it here.
const SECRET_LINE = "SECRET='the secret shown when the trigger was created or its secret rotated'";

function signingSteps(url, signature) {
  const body = "'{\"type\":\"test\"}'";
  if (signature.type === 'makini') {
    return `BODY=${body}\nSIG=$(printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$SECRET" -binary | base64)\ncurl -X POST ${url} -H "Content-Type: application/json" -H "X-Webhook-Signature: $SIG" -d "$BODY"`;
  }
  if (signature.type === 'timestamped') {
    return `BODY=${body}; T=$(date +%s)\nSIG=$(printf '%s.%s' "$T" "$BODY" | openssl dgst -sha256 -hmac "$SECRET" -hex | sed 's/^.* //')\ncurl -X POST ${url} -H "Content-Type: application/json" -H "${signature.header}: t=$T,v1=$SIG" -d "$BODY"`;
  }
  const algorithm = signature.algorithm || 'sha256';
  const encode = signature.encoding === 'base64' ? '-binary | base64' : "-hex | sed 's/^.* //'";
  return `BODY=${body}\nSIG=$(printf '%s' "$BODY" | openssl dgst -${algorithm} -hmac "$SECRET" ${encode})\ncurl -X POST ${url} -H "Content-Type: application/json" -H "${signature.header}: ${signature.prefix || ''}$SIG" -d "$BODY"`;
}

/**
 * The field errors of a refused save, keyed as the form keys them: the API names the field it refused
 * (`routes[1].condition`), the form's key is `routes.1.condition`. Empty when the answer names no field.
 */
export function serverFieldErrors(error) {
  if (!error?.field) return {};
  return { [error.field.replace(/\[(\d+)\]/g, '.$1')]: error.message };
}
