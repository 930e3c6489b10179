// Where each job's result is kept, once per job id, as in the C# system: the Redis store writes `result:{id}` and
// the `perf:aggregates` hash inside the worker's outcome script; the Mongo store inserts one document per job into
// the `results` collection (_id = job id) before it. Whether a result counts is decided by `outcome:{id}` (SET NX).
import { Aggregates } from './keys.js';

const CurrencyPrefix = 'payments:currency:';
const round2 = (value) => Math.round(value * 100) / 100;

/** The stored result of one job, the shape of src/SystemUnderTest/Contracts/JobResult.cs (web JSON names). */
export function toJobResult(job, completedAtMs) {
  const data = job.data ?? {};
  const isPayment = job.type === 'payment';
  return {
    id: job.id,
    type: job.type,
    amount: isPayment ? data.amount ?? null : null,
    currency: isPayment ? data.currency ?? null : null,
    channel: isPayment ? null : data.channel ?? null,
    enqueuedAtMs: job.enqueuedAtMs,
    completedAtMs,
    latencyMs: Math.max(0, completedAtMs - job.enqueuedAtMs),
  };
}

export class RedisResultStore {
  kind = 'redis';
  writesInOutcomeScript = true;

  constructor(commands) {
    this.commands = commands;
  }

  async write() { return false; }
  async retract() {}
  async hasResult() { return false; }
  async ping() { await this.commands().ping(); }
  async close() {}

  async summary() {
    const values = await this.commands().hgetall(Aggregates);
    const number = (key) => Number(values[key] ?? 0) || 0;
    const byCurrency = {};
    for (const key of Object.keys(values).sort()) {
      if (key.startsWith(CurrencyPrefix) && key.endsWith(':count')) {
        const currency = key.slice(CurrencyPrefix.length, -':count'.length);
        byCurrency[currency] = { count: number(key), totalAmount: round2(number(`${CurrencyPrefix}${currency}:totalAmount`)) };
      }
    }
    const latencyCount = number('latency:count');
    return {
      payments: { count: number('payments:count'), totalAmount: round2(number('payments:totalAmount')), byCurrency },
      notifications: { count: number('notifications:count') },
      jobLatencyMs: { avg: latencyCount === 0 ? 0 : number('latency:sumMs') / latencyCount },
      cached: false,
      generatedAt: new Date().toISOString(),
    };
  }
}

/** The Mongo document of one result: the fields src/SystemUnderTest/Store/MongoResultStore.cs writes. */
export function toMongoDocument(result, Decimal128) {
  const document = {
    _id: result.id,
    type: result.type,
    enqueuedAt: result.enqueuedAtMs,
    completedAt: result.completedAtMs,
    latencyMs: result.latencyMs,
  };
  if (result.amount !== null && result.amount !== undefined) {
    document.amount = Decimal128.fromString(String(result.amount));
    document.currency = result.currency;
  }
  if (result.channel) document.channel = result.channel;
  return document;
}

export class MongoResultStore {
  kind = 'mongo';
  writesInOutcomeScript = false;

  static async create(options) {
    const { MongoClient, Decimal128 } = await import('mongodb');
    const client = new MongoClient(options.mongoConnectionString, {
      maxPoolSize: options.mongoMaxPoolSize,
      serverSelectionTimeoutMS: 5000,
    });
    return new MongoResultStore(client, client.db(options.mongoDatabase), Decimal128);
  }

  constructor(client, database, Decimal128) {
    this.client = client;
    this.database = database;
    this.results = database.collection('results');
    this.Decimal128 = Decimal128;
  }

  /** Inserts the result; false when an earlier delivery already did (duplicate _id). */
  async write(result) {
    try {
      await this.results.insertOne(toMongoDocument(result, this.Decimal128));
      return true;
    } catch (error) {
      if (error?.code === 11000) return false;
      throw error;
    }
  }

  async retract(id) { await this.results.deleteOne({ _id: id }); }
  async hasResult(id) { return (await this.results.countDocuments({ _id: id }, { limit: 1 })) > 0; }
  async ping() { await this.database.command({ ping: 1 }); }
  async close() { await this.client.close(); }

  async summary() {
    const groups = await this.results.aggregate([
      { $group: { _id: { type: '$type', currency: '$currency' }, count: { $sum: 1 }, totalAmount: { $sum: '$amount' }, latencySum: { $sum: '$latencyMs' } } },
    ]).toArray();
    let payments = 0;
    let notifications = 0;
    let latencyCount = 0;
    let latencySum = 0;
    let total = 0;
    const byCurrency = {};
    for (const group of groups) {
      latencyCount += group.count;
      latencySum += Number(group.latencySum);
      if (group._id.type === 'payment') {
        const amount = Number(group.totalAmount?.toString() ?? 0);
        payments += group.count;
        total += amount;
        if (group._id.currency) byCurrency[group._id.currency] = { count: group.count, totalAmount: round2(amount) };
      } else {
        notifications += group.count;
      }
    }
    return {
      payments: { count: payments, totalAmount: round2(total), byCurrency },
      notifications: { count: notifications },
      jobLatencyMs: { avg: latencyCount === 0 ? 0 : latencySum / latencyCount },
      cached: false,
      generatedAt: new Date().toISOString(),
    };
  }
}

export async function createStore(options, commands) {
  return options.kind === 'redis' ? new RedisResultStore(commands) : MongoResultStore.create(options);
}
