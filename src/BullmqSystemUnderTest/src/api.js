// The API role: the HTTP contract of src/SystemUnderTest (docs/system-under-test.md) on Node's http module.
import http from 'node:http';
import { AnalyticsCache, Counters, CounterNames, JobKinds, JobLatencyBuckets } from './keys.js';
import { IdempotencyHeader, Problems } from './problems.js';
import { isConnectionError, isOutOfMemoryError } from './redis-connection.js';
import { readPercentiles } from './latency-histogram.js';
import { EnqueueOutcome, JobQueue, normalize } from './job-queue.js';
import { createStore } from './stores.js';
import {
  NotificationShape, PaymentShape, bind, describeIdempotencyKey, isJobId, isValidIdempotencyKey, validateNotification,
  validatePayment,
} from './validation.js';

/** Each health probe gets this long: /health must answer, never hang, while a dependency is down. */
const ProbeTimeoutMs = 1000;
const BackpressureSampleMs = 250;

const withTimeout = (promise, ms) => new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  promise.then((value) => { clearTimeout(timer); resolve(value); }, (error) => { clearTimeout(timer); reject(error); });
});

const json = (status, body, headers = {}) => ({ status, body, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });

/** The Idempotency-Key header: { key } (undefined without it) or { error } when present but invalid. */
export function readIdempotencyKey(request) {
  const values = request.headersDistinct?.[IdempotencyHeader.toLowerCase()];
  if (values === undefined) return {};
  return values.length === 1 && isValidIdempotencyKey(values[0]) ? { key: values[0] } : { error: describeIdempotencyKey() };
}

/** application/json or any +json media type, as ASP.NET Core's HasJsonContentType. */
export function isJsonContentType(contentType) {
  if (!contentType) return false;
  const mediaType = contentType.split(';')[0].trim().toLowerCase();
  return mediaType === 'application/json' || /^[a-z0-9.+-]+\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

/** Reads the body within maxBytes: { text } or { problem } (413 / 400). */
export function readBody(request, maxBytes) {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    request.resume();
    return Promise.resolve({ problem: Problems.tooLarge(maxBytes) });
  }
  return new Promise((resolve) => {
    const chunks = [];
    let length = 0;
    let done = false;
    request.on('data', (chunk) => {
      if (done) return;
      length += chunk.length;
      if (length > maxBytes) {
        done = true;
        request.resume();
        resolve({ problem: Problems.tooLarge(maxBytes) });
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => { if (!done) { done = true; resolve({ text: Buffer.concat(chunks).toString('utf8') }); } });
    request.on('error', (error) => { if (!done) { done = true; resolve({ problem: Problems.badRequest('Bad request', error.message) }); } });
  });
}

/** Parses and binds a body: { value } or { problem } ("Malformed JSON" / "Wrong JSON type"). */
export function parseBody(text, shape) {
  if (text.length === 0) return { problem: Problems.badRequest('Malformed JSON', 'The request body is empty; a JSON object is required.') };
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { problem: Problems.badRequest('Malformed JSON', `The request body is not valid JSON: ${error.message}`) };
  }
  const bound = bind(parsed, shape);
  return bound.error ? { problem: Problems.badRequest('Wrong JSON type', bound.error) } : { value: bound.value };
}

export class Api {
  static async create(options) {
    const queue = await JobQueue.connect(options, 5000);
    const store = await createStore(options.store, () => queue.commands());
    return new Api(options, queue, store);
  }

  constructor(options, queue, store) {
    this.options = options;
    this.queue = queue;
    this.store = store;
    this.load = 0;
    this.server = http.createServer((request, response) => this.handle(request, response));
    this.server.keepAliveTimeout = 65_000;
  }

  get overLimit() {
    return this.options.api.backpressureEnabled && this.load > this.options.api.backpressureMaxLag;
  }

  async listen() {
    const { host, port } = this.options.listen;
    await new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, resolve);
    });
    if (this.options.api.backpressureEnabled) this.sampleLoad();
    return this.server.address();
  }

  /** Samples summed lag + pending every 250 ms, so refusing a request costs no Redis round trip. */
  sampleLoad() {
    this.sampler = setTimeout(async () => {
      try {
        const queues = await this.queue.queueState();
        this.load = queues.reduce((sum, q) => sum + q.lag + q.pending, 0);
      } catch {
        // keep the last sample while Redis is unreachable
      }
      if (this.sampler) this.sampleLoad();
    }, BackpressureSampleMs);
  }

  async close() {
    clearTimeout(this.sampler);
    this.sampler = undefined;
    await new Promise((resolve) => this.server.close(resolve));
    this.server.closeAllConnections?.();
    await this.queue.close();
    await this.store.close();
  }

  async handle(request, response) {
    const context = { withKey: false };
    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve(Problems.timeout()), this.options.api.requestTimeoutMs);
    });
    let answer;
    try {
      answer = await Promise.race([this.route(request, context), timeout]);
    } catch (error) {
      answer = this.fromError(error, context);
    } finally {
      clearTimeout(timer);
    }
    if (response.headersSent || response.destroyed) return;
    const body = answer.body === undefined ? '' : JSON.stringify(answer.body);
    response.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(body) });
    response.end(body);
  }

  fromError(error, context) {
    if (isOutOfMemoryError(error)) return Problems.outOfMemory();
    if (isConnectionError(error)) return Problems.unavailable(context.withKey);
    process.stderr.write(`[api] unexpected error: ${error?.stack ?? error}\n`);
    return { status: 500, body: { type: 'https://tools.ietf.org/html/rfc9110#section-15.6.1', title: 'An error occurred while processing your request.', status: 500 }, headers: { 'content-type': 'application/problem+json' } };
  }

  async route(request, context) {
    const url = new URL(request.url, 'http://localhost');
    const path = url.pathname;
    const method = request.method;
    if (path === '/payments' && method === 'POST') {
      return this.postJob(request, context, JobKinds.payment, PaymentShape, validatePayment, (id) => `/payments/${id}`);
    }
    if (path === '/notifications' && method === 'POST') {
      // No GET /notifications/{id} in the contract, so no Location header.
      return this.postJob(request, context, JobKinds.notification, NotificationShape, validateNotification, () => undefined);
    }
    const payment = /^\/payments\/([^/]+)$/.exec(path);
    if (payment && method === 'GET') return this.getPayment(decodeURIComponent(payment[1]));
    if (path === '/health' && method === 'GET') return this.health();
    if (path === '/metrics/jobs' && method === 'GET') return json(200, await this.metrics());
    if (path === '/analytics/summary' && method === 'GET') return json(200, await this.analytics());
    request.resume();
    const known = ['/payments', '/notifications', '/health', '/metrics/jobs', '/analytics/summary'].includes(path) || payment;
    return known ? Problems.methodNotAllowed() : Problems.routeNotFound();
  }

  /** Backpressure, Idempotency-Key, content type, size, JSON, field rules, then the enqueue: the documented order. */
  async postJob(request, context, kind, shape, validate, location) {
    if (this.overLimit) {
      request.resume();
      this.queue.commands().hincrby(Counters, CounterNames.backpressureRejected, 1).catch(() => {});
      return Problems.backpressure(this.load, this.options.api.backpressureMaxLag);
    }
    const { key, error } = readIdempotencyKey(request);
    if (error) {
      request.resume();
      return Problems.invalidIdempotencyKey(error);
    }
    if (!isJsonContentType(request.headers['content-type'])) {
      request.resume();
      return Problems.unsupportedMediaType(request.headers['content-type']);
    }
    const body = await readBody(request, this.options.api.maxBodyBytes);
    if (body.problem) return body.problem;
    const parsed = parseBody(body.text, shape);
    if (parsed.problem) return parsed.problem;
    const errors = validate(parsed.value);
    if (Object.keys(errors).length > 0) return Problems.validation(errors);
    context.withKey = key !== undefined;
    const { id, outcome } = await this.queue.enqueue(kind, normalize(shape, parsed.value), key);
    if (outcome === EnqueueOutcome.keyConflict) return Problems.idempotencyKeyReused(id);
    const headers = {};
    const where = location(id);
    if (where) headers.location = where;
    if (outcome === EnqueueOutcome.replayed) headers['idempotent-replayed'] = 'true';
    return json(202, { id, status: 'queued' }, headers);
  }

  async getPayment(id) {
    if (!isJobId(id)) return Problems.invalidId(id);
    const lower = id.toLowerCase();
    const payment = await this.queue.getPayment(lower);
    return payment ? json(200, payment) : Problems.notFound(`No payment with id '${lower}'.`);
  }

  async health() {
    const probe = async (fn) => {
      try {
        await withTimeout(fn(), ProbeTimeoutMs);
        return true;
      } catch {
        return false;
      }
    };
    const redisUp = await probe(() => this.queue.commands().ping());
    const storeUp = this.store.kind === 'redis' ? redisUp : await probe(() => this.store.ping());
    let queue;
    if (redisUp) {
      await probe(async () => {
        const queues = await this.queue.queueState();
        const sum = (field) => queues.reduce((total, q) => total + q[field], 0);
        queue = { length: sum('length'), pending: sum('pending'), lag: sum('lag'), deadLetterLength: sum('deadLetterLength') };
      });
    }
    const healthy = redisUp && storeUp;
    const body = { status: healthy ? 'healthy' : 'unhealthy', redis: redisUp ? 'up' : 'down', store: storeUp ? 'up' : 'down', storeKind: this.store.kind };
    if (queue) body.queue = queue;
    return json(healthy ? 200 : 503, body);
  }

  async metrics() {
    const client = this.queue.commands();
    const [counters, buckets, streams] = await Promise.all([client.hgetall(Counters), client.hgetall(JobLatencyBuckets), this.queue.queueState()]);
    const counter = (name) => Number(counters[name] ?? 0) || 0;
    const accepted = counter(CounterNames.accepted);
    const processed = counter(CounterNames.processed);
    const deadLettered = counter(CounterNames.deadLettered);
    const lastOutcome = counter(CounterNames.lastOutcomeAtMs);
    const body = {
      accepted,
      processed,
      deadLettered,
      duplicates: counter(CounterNames.duplicates),
      retried: counter(CounterNames.retried),
      failedAttempts: counter(CounterNames.failedAttempts),
      backpressureRejected: counter(CounterNames.backpressureRejected),
      emptyPolls: counter(CounterNames.emptyPolls),
      streams,
      jobLatencyMs: readPercentiles(buckets),
      outstanding: Math.max(0, accepted - processed - deadLettered),
      idempotentReplays: counter(CounterNames.idempotentReplays),
      ackMisses: counter(CounterNames.ackMisses),
    };
    if (lastOutcome !== 0) body.lastOutcomeAtMs = lastOutcome;
    return body;
  }

  async analytics() {
    const ttl = this.options.api.analyticsCacheSeconds;
    const client = this.queue.commands();
    if (ttl > 0) {
      const cached = await client.get(AnalyticsCache);
      if (cached) return { ...JSON.parse(cached), cached: true };
    }
    const summary = await this.store.summary();
    if (ttl > 0) await client.set(AnalyticsCache, JSON.stringify(summary), 'EX', ttl);
    return summary;
  }
}

