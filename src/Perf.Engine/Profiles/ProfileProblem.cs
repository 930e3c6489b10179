namespace Perf.Engine.Profiles;

/// <summary>A rule a profile breaks: the dotted key (as in the YAML form, e.g. <c>config.phases[1].rampTo</c>) and what is wrong.</summary>
internal sealed record ProfileProblem(string Key, string Problem);
