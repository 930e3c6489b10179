import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  NotificationShape, PaymentShape, bind, hasAtMostDecimals, isJobId, isValidIdempotencyKey, validateNotification, validatePayment,
} from '../src/validation.js';
import { isJsonContentType, parseBody } from '../src/api.js';

describe('RequestValidation', () => {
  const valid = { amount: 12.5, currency: 'EUR', customerId: 'c-42' };

  test('amounts are judged on their value against the currency decimals', () => {
    for (const [amount, currency] of [[12.5, 'EUR'], [12.50, 'EUR'], [1e2, 'EUR'], [1e-2, 'EUR'], [0.07, 'USD'], [999999.99, 'GBP'], [1000000, 'JPY'], [0.29, 'CHF']]) {
      assert.deepEqual(validatePayment({ ...valid, amount, currency }), {}, `${amount} ${currency}`);
    }
    assert.deepEqual(validatePayment({ ...valid, amount: 1e-27 }).amount, ['amount must have at most 2 decimal places for EUR (smallest amount 0.01).']);
    assert.deepEqual(validatePayment({ ...valid, amount: 0.001 }).amount, ['amount must have at most 2 decimal places for EUR (smallest amount 0.01).']);
    assert.deepEqual(validatePayment({ ...valid, amount: 0.5, currency: 'JPY' }).amount, ['amount must be a whole number of JPY (no decimals).']);
    for (const amount of [-0, 0, -1, 1000000.01]) {
      assert.deepEqual(validatePayment({ ...valid, amount }).amount, ['amount must be greater than 0 and at most 1000000.'], String(amount));
    }
    assert.equal(hasAtMostDecimals(1.005, 2), false);
  });

  test('every broken payment field is reported', () => {
    assert.deepEqual(validatePayment({ currency: ' EUR', customerId: 'c-42\n', description: 'a\u0007b' }), {
      amount: ['amount is required.'],
      currency: ['currency must be one of EUR, USD, GBP, JPY, CHF.'],
      customerId: ["customerId must be 1 to 64 characters of A-Z, a-z, 0-9, '_' or '-'."],
      description: ['description must not contain control characters (tab and line breaks excepted).'],
    });
    assert.deepEqual(validatePayment({ ...valid, customerId: 'x'.repeat(65), description: 'd'.repeat(257) }), {
      customerId: ["customerId must be 1 to 64 characters of A-Z, a-z, 0-9, '_' or '-'."],
      description: ['description must be at most 256 characters.'],
    });
    assert.deepEqual(validatePayment({ ...valid, description: 'line\r\nbreak\tand tab' }), {});
    assert.deepEqual(validatePayment({ ...valid, customerId: 'c\u2028' }).customerId.length, 1);
  });

  test('notification rules', () => {
    assert.deepEqual(validateNotification({ userId: 'u-1', channel: 'email', message: 'hello' }), {});
    assert.deepEqual(validateNotification({ userId: '', channel: 'Email', message: '   \n' }), {
      userId: ['userId is required.'],
      channel: ['channel must be one of email, sms, push.'],
      message: ['message must not be only whitespace.'],
    });
    assert.deepEqual(validateNotification({ userId: 'u', channel: 'sms', message: 'm'.repeat(1001) }).message, ['message must be at most 1000 characters.']);
    assert.deepEqual(validateNotification({ userId: 'u', channel: 'push' }).message, ['message is required (1 to 1000 characters).']);
  });

  test('binding is strict about types, case-insensitive about names, and ignores unknown fields', () => {
    assert.deepEqual(bind({ Amount: 5, CURRENCY: 'EUR', extra: [1] }, PaymentShape), { value: { amount: 5, currency: 'EUR' } });
    assert.deepEqual(bind({ amount: '12' }, PaymentShape), { error: "The value at '$.amount' has the wrong JSON type." });
    assert.deepEqual(bind({ message: 5 }, NotificationShape), { error: "The value at '$.message' has the wrong JSON type." });
    assert.deepEqual(bind([], PaymentShape), { error: "The value at '$' has the wrong JSON type." });
    assert.deepEqual(bind(null, PaymentShape), { error: 'The request body must be a JSON object.' });
    assert.deepEqual(bind({ amount: 1e30 }, PaymentShape), { error: "The value at '$.amount' has the wrong JSON type." });
  });

  test('bodies: empty and malformed JSON are 400 with their own titles', () => {
    assert.equal(parseBody('', PaymentShape).problem.body.title, 'Malformed JSON');
    assert.equal(parseBody('{"amount":', PaymentShape).problem.body.title, 'Malformed JSON');
    assert.equal(parseBody('{"amount":"1"}', PaymentShape).problem.body.title, 'Wrong JSON type');
    assert.deepEqual(parseBody(JSON.stringify(valid), PaymentShape), { value: valid });
  });

  test('content types, job ids and idempotency keys', () => {
    assert.ok(isJsonContentType('application/json; charset=utf-8'));
    assert.ok(isJsonContentType('application/problem+json'));
    assert.ok(!isJsonContentType('text/plain'));
    assert.ok(!isJsonContentType(undefined));
    assert.ok(isJobId('0123456789abcdefABCDEF0123456789'));
    assert.ok(!isJobId('0123456789abcdef0123456789abcde'));
    assert.ok(!isJobId('0123456789abcdef0123456789abcdeg'));
    assert.ok(isValidIdempotencyKey('6f1c2a10-8e5b-4c1e-9d0a-1b2c3d4e5f60'));
    assert.ok(isValidIdempotencyKey('a.b:c_d-e'));
    assert.ok(isValidIdempotencyKey('k'.repeat(255)));
    for (const key of ['', 'k'.repeat(256), 'a b', 'key\n', 'a,b']) assert.ok(!isValidIdempotencyKey(key), JSON.stringify(key));
  });
});
