// Starts the API and the workers in this process against a RedisServer, with settings as environment variables
// would give them, and stops them again.
import { Api } from '../../src/api.js';
import { JobWorkers } from '../../src/worker.js';
import { loadOptions, readConfiguration } from '../../src/options.js';

export function optionsFor(redis, settings = {}) {
  return loadOptions(readConfiguration({
    Redis__ConnectionString: redis.connectionString,
    Store__Kind: 'redis',
    Urls: 'http://127.0.0.1:0',
    Worker__SimulatedDownstreamMs: '0',
    ...settings,
  }, []));
}

export async function startApi(redis, settings) {
  const api = await Api.create(optionsFor(redis, settings));
  const address = await api.listen();
  api.baseUrl = `http://127.0.0.1:${address.port}`;
  return api;
}

export async function startWorkers(redis, settings) {
  const workers = await JobWorkers.create(optionsFor(redis, { Role: 'worker', ...settings }));
  workers.run();
  await workers.waitUntilReady();
  return workers;
}

export const postJson = (api, path, body, headers = {}) =>
  fetch(`${api.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

export const payment = (overrides = {}) => ({ amount: 12.5, currency: 'EUR', customerId: 'c-42', ...overrides });
