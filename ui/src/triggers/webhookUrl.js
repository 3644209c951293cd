/** The full URL senders post to, from the path the API gives (/webhooks/{id}). */
export function webhookUrl(path, origin = globalThis.location?.origin || '') {
  return `${origin}${path}`;
}
