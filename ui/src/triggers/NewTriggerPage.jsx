export function NewTriggerPage() {
  return <section><h1>NewTriggerPage</h1><p>Coming soon.</p></section>;
}
