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
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal);
        switch (exception)
        {
            case RedisServerException notReady when IsNotReady(notReady):
                // Redis refused the command (still loading its data set, or blocked by a long script): nothing was written.
                logger.RedisUnavailable(httpContext.Request.Path, exception);
                status = StatusCodes.Status503ServiceUnavailable;
                title = "A dependency is unavailable";
                detail = "Redis is loading its data set or busy and refused the request; nothing was created, retry later.";
                httpContext.Response.Headers.RetryAfter = "1";
                break;
            case RedisConnectionException or RedisTimeoutException or MongoConnectionException or TimeoutException:
                logger.RedisUnavailable(httpContext.Request.Path, exception);
                status = StatusCodes.Status503ServiceUnavailable;
                title = "A dependency is unavailable";
                var outcomeUnknown = httpContext.Items.ContainsKey(JobEndpoints.EnqueueStartedItemKey) && MayHaveReachedRedis(exception);
                var hasKey = httpContext.Items.ContainsKey(IdempotencyKey.ItemKey);
                // The client message would leak connection internals; the log has them.
                if (outcomeUnknown && !hasKey)
                {
                    // Retry-After would invite a blind retry, and without a key a retry may create the job a second time.
                    title = "Job outcome unknown";
                    detail = "Redis became unavailable after the job was sent to it, so the job may or may not have been created. " +
                             $"This request had no {IdempotencyKey.HeaderName}, so a retry cannot be matched to it and may create a second job: " +
                             $"check for the job before retrying, and send an {IdempotencyKey.HeaderName} header with every job request so that retrying after such an answer is safe.";
                    extensions["jobOutcome"] = "unknown";
                    break;
                }

                detail = outcomeUnknown
                    // A timeout after EXEC was sent leaves the commit unknown; the key makes the retry find it.
                    ? $"Redis or the result store is unavailable, and the job may or may not have been created; retrying with the same {IdempotencyKey.HeaderName} is safe: it returns the job if it was created and creates it once otherwise."
                    : "Redis or the result store is unavailable; nothing was created, retry later.";
                if (outcomeUnknown)
                {
                    extensions["jobOutcome"] = "unknown";
                }

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
            ProblemDetails = { Status = status, Title = title, Detail = detail, Extensions = extensions },
        });
    }

    /// <summary>LOADING (a restart reading its data set) or BUSY (a script past lua-time-limit); not BUSYGROUP.</summary>
    internal static bool IsNotReady(RedisServerException exception) =>
        exception.Message.StartsWith("LOADING", StringComparison.Ordinal) || exception.Message.StartsWith("BUSY ", StringComparison.Ordinal);

    /// <summary>
    /// False only when the client library says the failed command never left this process (still queued or in its
    /// backlog): then nothing reached Redis. Any other failure after the enqueue started leaves its outcome unknown.
    /// </summary>
    internal static bool MayHaveReachedRedis(Exception exception) => exception switch
    {
        RedisTimeoutException timeout => timeout.Commandstatus is not (CommandStatus.WaitingToBeSent or CommandStatus.WaitingInBacklog),
        RedisConnectionException connection => connection.CommandStatus is not (CommandStatus.WaitingToBeSent or CommandStatus.WaitingInBacklog),
        _ => true,
    };
}
