export function TriggerPage() {
  return <section><h1>TriggerPage</h1><p>Coming soon.</p></section>;
}
