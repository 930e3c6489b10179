using Microsoft.AspNetCore.Diagnostics;
using MongoDB.Driver;
using StackExchange.Redis;

namespace SystemUnderTest.Api;

/// <summary>
/// Maps dependency outages to 503 + Retry-After and request-level errors to their 4xx, so that neither bad input
/// nor a down Redis is ever reported as a 500.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        int status;
        string title;
        string detail;
        switch (exception)
        {
            case RedisConnectionException or RedisTimeoutException or MongoConnectionException or TimeoutException:
                logger.RedisUnavailable(httpContext.Request.Path, exception);
                status = StatusCodes.Status503ServiceUnavailable;
                title = "A dependency is unavailable";
                // The client message would leak connection internals; the log has them.
                detail = httpContext.Items.ContainsKey(IdempotencyKey.ItemKey)
                    // A timeout after EXEC was sent leaves the commit unknown; the key makes the retry find it.
                    ? $"Redis or the result store is unavailable, and the job may or may not have been created; retrying with the same {IdempotencyKey.HeaderName} is safe: it returns the job if it was created and creates it once otherwise."
                    : "Redis or the result store is unavailable; retry later.";
                httpContext.Response.Headers.RetryAfter = "1";
                break;
            // Inside MULTI a refused write surfaces as "EXECABORT Transaction discarded because of previous errors".
            case RedisServerException refused when refused.Message.StartsWith("OOM", StringComparison.Ordinal)
                                                 || refused.Message.StartsWith("EXECABORT", StringComparison.Ordinal):
                // maxmemory reached under noeviction: Redis refuses writes. Nothing was accepted, so the client may retry.
                logger.RedisOutOfMemory(httpContext.Request.Path);
                status = StatusCodes.Status503ServiceUnavailable;
                title = "Queue storage is full";
                detail = "Redis reached its memory limit and refuses new writes; retry later.";
                httpContext.Response.Headers.RetryAfter = "1";
                break;
            case BadHttpRequestException bad:
                status = bad.StatusCode;
                title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request";
                detail = bad.Message;
                break;
            default:
                return false;
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
