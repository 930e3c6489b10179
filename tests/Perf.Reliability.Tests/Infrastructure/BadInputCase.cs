namespace Perf.Reliability.Tests.Infrastructure;

/// <summary>
/// One bad request and the 4xx the contract (docs/system-under-test.md) promises for it. <c>Chunked</c> sends the body
/// without Content-Length, so only the server's streaming limit can catch an oversize one. <c>ByKestrel</c> marks requests
/// Kestrel itself rejects before any middleware runs (a NUL in the path, a request line over 8 KB): Kestrel answers
/// with an empty body, so problem details cannot be asked of the application there, only a 4xx.
/// </summary>
internal sealed record BadInputCase(string Method, string Path, string? ContentType, byte[]? Body, int Expected, bool Chunked = false, bool ByKestrel = false);
