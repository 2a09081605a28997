import { parseAppConfig, type AppConfig } from './app-config';

/** Fetches and validates /config.json; a missing or bad file rejects with a message naming the problem. */
export async function loadAppConfig(url = '/config.json'): Promise<AppConfig> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`Could not load ${url}: HTTP ${response.status}`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new Error(`${url} is not valid JSON`);
  }
  return parseAppConfig(json);
}
