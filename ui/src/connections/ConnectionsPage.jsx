export function ConnectionsPage() {
  return <section><h1>ConnectionsPage</h1><p>Coming soon.</p></section>;
}
