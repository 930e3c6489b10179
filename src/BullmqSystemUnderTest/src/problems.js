// RFC 7807 problem details with the types, titles and details the C# system's API writes (ASP.NET Core's
// defaults: an RFC 9110 section per status, a traceId), so a client cannot tell the two systems apart by errors.
import { randomBytes } from 'node:crypto';

const TypeByStatus = {
  400: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
  404: 'https://tools.ietf.org/html/rfc9110#section-15.5.5',
  409: 'https://tools.ietf.org/html/rfc9110#section-15.5.10',
  413: 'https://tools.ietf.org/html/rfc9110#section-15.5.14',
  415: 'https://tools.ietf.org/html/rfc9110#section-15.5.16',
  422: 'https://tools.ietf.org/html/rfc4918#section-11.2',
  500: 'https://tools.ietf.org/html/rfc9110#section-15.6.1',
  503: 'https://tools.ietf.org/html/rfc9110#section-15.6.4',
  504: 'https://tools.ietf.org/html/rfc9110#section-15.6.5',
};

export const IdempotencyHeader = 'Idempotency-Key';

/** A problem answer: status, body and extra headers. */
export function problem(status, title, detail, { errors, headers } = {}) {
  const body = { type: TypeByStatus[status], title, status };
  if (detail !== undefined) body.detail = detail;
  if (errors !== undefined) body.errors = errors;
  body.traceId = `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`;
  return { status, body, headers: { 'content-type': 'application/problem+json', ...headers } };
}

export const Problems = {
  badRequest: (title, detail) => problem(400, title, detail),
  unsupportedMediaType: (contentType) =>
    problem(415, 'Unsupported media type', `Content type '${contentType ?? '(none)'}' is not supported; send application/json.`),
  tooLarge: (maxBytes) => problem(413, 'Request body too large', `The request body is larger than ${maxBytes} bytes.`),
  validation: (errors) => problem(422, 'One or more fields are invalid', undefined, { errors }),
  invalidIdempotencyKey: (detail) =>
    problem(400, `Invalid ${IdempotencyHeader} header`, undefined, { errors: { [IdempotencyHeader]: [detail] } }),
  idempotencyKeyReused: (jobId) =>
    problem(422, `${IdempotencyHeader} reused with a different body`, undefined, {
      errors: {
        [IdempotencyHeader]: [
          `This ${IdempotencyHeader} was already used with a different request body (job ${jobId}); use a new key for a new request.`,
        ],
      },
    }),
  invalidId: (id) => problem(400, 'Invalid id', `'${id}' is not a job id (32 hexadecimal characters).`),
  notFound: (detail) => problem(404, 'Not found', detail),
  backpressure: (load, limit) =>
    problem(503, 'Queue is full', `Queue lag + pending is ${load}, above the limit of ${limit}; retry later.`, {
      headers: { 'retry-after': '1' },
    }),
  unavailable: (withKey) =>
    problem(503, 'A dependency is unavailable', withKey
      ? `Redis or the result store is unavailable, and the job may or may not have been created; retrying with the same ${IdempotencyHeader} is safe: it returns the job if it was created and creates it once otherwise.`
      : 'Redis or the result store is unavailable; retry later.', { headers: { 'retry-after': '1' } }),
  outOfMemory: () =>
    problem(503, 'Queue storage is full', 'Redis reached its memory limit and refuses new writes; retry later.', {
      headers: { 'retry-after': '1' },
    }),
  timeout: () => problem(504, 'Request timed out'),
  routeNotFound: () => problem(404, 'Not found'),
  methodNotAllowed: () => problem(405, 'Method not allowed'),
};
