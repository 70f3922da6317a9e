namespace Aspire.Hosting.Orchestration;

/// <summary>How to start one instance of a resource.</summary>
internal sealed record LaunchSpec(
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    int StopSignal);
