namespace Perf.Engine.Running;

/// <summary>Why a request failed; each failed request has exactly one kind, checked in this order.</summary>
public enum ErrorKind
{
    Timeout,
    ConnectionRefused,
    ConnectionReset,

    /// <summary>Any other transport failure (DNS, TLS, protocol).</summary>
    Network,
    Http5xx,
    Http4xx,

    /// <summary>A response outside the step's <c>expect: statusCode</c> list that is not itself a 4xx/5xx.</summary>
    ExpectationFailed,

    /// <summary>A body read for captures was longer than <see cref="HttpSettings.MaxCaptureBodyBytes"/>; reading stopped there.</summary>
    BodyTooLarge,

    /// <summary>The captured JSON path was missing from the response body.</summary>
    CaptureFailed,

    /// <summary>A custom step returned a failure or threw.</summary>
    StepFailed,
}
