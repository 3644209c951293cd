export function ConnectPage() {
  return <section><h1>ConnectPage</h1><p>Coming soon.</p></section>;
}
