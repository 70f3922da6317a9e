namespace Aspire.Hosting.Orchestration;

/// <summary>Where the AppHost project lives and where it keeps its local data.</summary>
internal sealed record AppHostPaths(string AppHostDirectory, string DataDirectory);
