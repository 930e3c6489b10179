import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Decimal128 } from 'mongodb';
import { toJobResult, toMongoDocument } from '../src/stores.js';

describe('ResultStores', () => {
  test('a payment result keeps amount and currency, latency from enqueue to completion', () => {
    const result = toJobResult({ id: 'a'.repeat(32), type: 'payment', data: { amount: 12.5, currency: 'EUR', customerId: 'c' }, enqueuedAtMs: 1000 }, 1250);
    assert.deepEqual(result, { id: 'a'.repeat(32), type: 'payment', amount: 12.5, currency: 'EUR', channel: null, enqueuedAtMs: 1000, completedAtMs: 1250, latencyMs: 250 });
  });

  test('the Mongo document is the C# store document: _id = job id, amount as Decimal128', () => {
    const payment = toMongoDocument(toJobResult({ id: 'b'.repeat(32), type: 'payment', data: { amount: 0.1, currency: 'USD' }, enqueuedAtMs: 5 }, 9), Decimal128);
    assert.deepEqual(Object.keys(payment), ['_id', 'type', 'enqueuedAt', 'completedAt', 'latencyMs', 'amount', 'currency']);
    assert.equal(payment._id, 'b'.repeat(32));
    assert.equal(payment.amount.toString(), '0.1');
    const notification = toMongoDocument(toJobResult({ id: 'c'.repeat(32), type: 'notification', data: { channel: 'sms' }, enqueuedAtMs: 5 }, 4), Decimal128);
    assert.deepEqual(notification, { _id: 'c'.repeat(32), type: 'notification', enqueuedAt: 5, completedAt: 4, latencyMs: 0, channel: 'sms' });
  });
});
