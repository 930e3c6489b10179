namespace SystemUnderTest.Api;

/// <summary>The RFC 7807 answers of the API, one place so that titles and statuses stay consistent.</summary>
public static class Problems
{
    public static ProblemHttpResultBox BadRequest(string title, string detail) =>
        new(Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest));

    public static ProblemHttpResultBox UnsupportedMediaType(string? contentType) =>
        new(Results.Problem(
            title: "Unsupported media type",
            detail: $"Content type '{contentType ?? "(none)"}' is not supported; send application/json.",
            statusCode: StatusCodes.Status415UnsupportedMediaType));

    public static ProblemHttpResultBox TooLarge(int maxBytes) =>
        new(Results.Problem(
            title: "Request body too large",
            detail: $"The request body is larger than {maxBytes} bytes.",
            statusCode: StatusCodes.Status413PayloadTooLarge));

    public static IResult Validation(IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "One or more fields are invalid", statusCode: StatusCodes.Status422UnprocessableEntity);

    public static IResult InvalidIdempotencyKey(string detail) =>
        Results.ValidationProblem(
            new Dictionary<string, string[]>(StringComparer.Ordinal) { [IdempotencyKey.HeaderName] = [detail] },
            title: $"Invalid {IdempotencyKey.HeaderName} header",
            statusCode: StatusCodes.Status400BadRequest);

    public static IResult IdempotencyKeyReused(string jobId) =>
        Results.ValidationProblem(
            new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                [IdempotencyKey.HeaderName] = [$"This {IdempotencyKey.HeaderName} was already used with a different request body (job {jobId}); use a new key for a new request."],
            },
            title: $"{IdempotencyKey.HeaderName} reused with a different body",
            statusCode: StatusCodes.Status422UnprocessableEntity);

    public static IResult InvalidId(string id) =>
        Results.Problem(title: "Invalid id", detail: $"'{id}' is not a job id (32 hexadecimal characters).", statusCode: StatusCodes.Status400BadRequest);

    public static IResult NotFound(string detail) =>
        Results.Problem(title: "Not found", detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static IResult StorageNearlyFull(HttpContext context, long usedBytes, long maxBytes, int percent)
    {
        context.Response.Headers.RetryAfter = "1";
        return Results.Problem(
            title: "Queue storage is nearly full",
            detail: $"Redis uses {usedBytes} of its {maxBytes} bytes, at or above the admission limit of {percent} %: new jobs are refused " +
                    "so that no accepted job is evicted; nothing was created, retry later.",
            statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    public static IResult Backpressure(HttpContext context, long load, long limit)
    {
        context.Response.Headers.RetryAfter = "1";
        return Results.Problem(
            title: "Queue is full",
            detail: $"Queue lag + pending is {load}, above the limit of {limit}; retry later.",
            statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
