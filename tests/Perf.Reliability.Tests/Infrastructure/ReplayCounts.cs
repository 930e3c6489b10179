namespace Perf.Reliability.Tests.Infrastructure;

/// <summary>What a replay of accepted Idempotency-Keys got back.</summary>
/// <param name="Replayed">Keys sent again.</param>
/// <param name="NewIds">Answers with another id than the key's first: a broken key.</param>
/// <param name="NotAnswered">Answers that were not 202: the key's job could not be confirmed.</param>
internal readonly record struct ReplayCounts(int Replayed, int NewIds, int NotAnswered);
