export function RunPage() {
  return <section><h1>RunPage</h1><p>Coming soon.</p></section>;
}
