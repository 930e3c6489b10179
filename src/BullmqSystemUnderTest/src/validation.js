// The request rules of the contract (docs/system-under-test.md), as src/SystemUnderTest/Api/RequestValidator.cs
// applies them: every broken field is reported, keyed by its JSON name (422).

export const MaxAmount = 1_000_000;
export const Currencies = ['EUR', 'USD', 'GBP', 'JPY', 'CHF'];
export const Channels = ['email', 'sms', 'push'];
export const minorUnits = (currency) => (currency === 'JPY' ? 0 : 2);

const IdentifierPattern = /^[A-Za-z0-9_-]{1,64}$/;
const JobIdPattern = /^[0-9a-fA-F]{32}$/;
const IdempotencyKeyPattern = /^[A-Za-z0-9_.:-]{1,255}$/;
// .NET's char.IsControl: C0, DEL and C1; tab and line breaks are allowed.
const ControlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// .NET's string.IsNullOrWhiteSpace uses char.IsWhiteSpace (Unicode White_Space).
const OnlyWhiteSpace = /^[\s\u0085]*$/u;

export const isJobId = (id) => typeof id === 'string' && JobIdPattern.test(id);
export const isValidIdempotencyKey = (key) => typeof key === 'string' && IdempotencyKeyPattern.test(key);
export const describeIdempotencyKey = () =>
  "Idempotency-Key must be 1 to 255 characters of A-Z, a-z, 0-9, '-', '_', '.' or ':' (for example a UUID), sent once.";

/**
 * Whether a positive amount has at most `places` decimals, judged on the value (12.50 and 1e2 are fine, 0.001
 * and 1e-27 are not). Scaling by 10^places and rounding absorbs binary floating point's last-bit error.
 */
export function hasAtMostDecimals(amount, places) {
  const scaled = amount * 10 ** places;
  const rounded = Math.round(scaled);
  return rounded !== 0 && Math.abs(scaled - rounded) <= Math.abs(scaled) * 1e-12;
}

export function validatePayment(request) {
  const errors = {};
  const { amount, currency, customerId, description } = request;
  if (amount === undefined || amount === null) {
    errors.amount = ['amount is required.'];
  } else if (amount <= 0 || amount > MaxAmount || Object.is(amount, -0)) {
    errors.amount = ['amount must be greater than 0 and at most 1000000.'];
  }
  if (currency === undefined || currency === null || currency === '') {
    errors.currency = ['currency is required.'];
  } else if (!Currencies.includes(currency)) {
    errors.currency = ['currency must be one of EUR, USD, GBP, JPY, CHF.'];
  } else if (amount !== undefined && amount !== null && !errors.amount && !hasAtMostDecimals(amount, minorUnits(currency))) {
    const places = minorUnits(currency);
    errors.amount = [places === 0
      ? `amount must be a whole number of ${currency} (no decimals).`
      : `amount must have at most ${places} decimal places for ${currency} (smallest amount 0.${'0'.repeat(places - 1)}1).`];
  }
  validateIdentifier(errors, 'customerId', customerId);
  if (typeof description === 'string') {
    if (description.length > 256) errors.description = ['description must be at most 256 characters.'];
    else if (ControlCharacter.test(description)) {
      errors.description = ['description must not contain control characters (tab and line breaks excepted).'];
    }
  }
  return errors;
}

export function validateNotification(request) {
  const errors = {};
  const { userId, channel, message } = request;
  validateIdentifier(errors, 'userId', userId);
  if (channel === undefined || channel === null || channel === '') errors.channel = ['channel is required.'];
  else if (!Channels.includes(channel)) errors.channel = ['channel must be one of email, sms, push.'];
  if (message === undefined || message === null || message === '') errors.message = ['message is required (1 to 1000 characters).'];
  else if (message.length > 1000) errors.message = ['message must be at most 1000 characters.'];
  else if (OnlyWhiteSpace.test(message)) errors.message = ['message must not be only whitespace.'];
  else if (ControlCharacter.test(message)) {
    errors.message = ['message must not contain control characters (tab and line breaks excepted).'];
  }
  return errors;
}

function validateIdentifier(errors, field, value) {
  if (value === undefined || value === null || value === '') errors[field] = [`${field} is required.`];
  else if (value.length > 64 || !IdentifierPattern.test(value)) {
    errors[field] = [`${field} must be 1 to 64 characters of A-Z, a-z, 0-9, '_' or '-'.`];
  }
}

// The request shapes: JSON property names matched case-insensitively (System.Text.Json's web defaults), strict
// types (no numbers in strings), unknown fields ignored. decimal's range bounds what .NET can bind as a number.
const DecimalMax = 79228162514264337593543950335;
export const PaymentShape = { amount: 'number', currency: 'string', customerId: 'string', description: 'string' };
export const NotificationShape = { userId: 'string', channel: 'string', message: 'string' };

/** Binds parsed JSON to a shape: { value } or { error: detail for a 400 "Wrong JSON type" }. */
export function bind(json, shape) {
  if (json === null || typeof json !== 'object') {
    return json === null
      ? { error: 'The request body must be a JSON object.' }
      : { error: "The value at '$' has the wrong JSON type." };
  }
  if (Array.isArray(json)) return { error: "The value at '$' has the wrong JSON type." };
  const fields = Object.keys(shape);
  const byLower = new Map(fields.map((f) => [f.toLowerCase(), f]));
  const value = {};
  for (const [name, item] of Object.entries(json)) {
    const field = byLower.get(name.toLowerCase());
    if (field === undefined) continue;
    const expected = shape[field];
    const ok = item === null || typeof item === expected;
    if (!ok || (expected === 'number' && Math.abs(item) > DecimalMax)) {
      return { error: `The value at '$.${name}' has the wrong JSON type.` };
    }
    value[field] = item;
  }
  return { value };
}
