namespace Aspire.Hosting.ApplicationModel;

/// <summary>Aspire's resource states; health is reported separately (<see cref="CustomResourceSnapshot.HealthStatus"/>).</summary>
public static class KnownResourceStates
{
    public const string NotStarted = nameof(NotStarted);
    public const string Waiting = nameof(Waiting);
    public const string Starting = nameof(Starting);
    public const string Running = nameof(Running);
    public const string Stopping = nameof(Stopping);
    public const string Exited = nameof(Exited);
    public const string Finished = nameof(Finished);
    public const string FailedToStart = nameof(FailedToStart);

    public static IReadOnlyList<string> TerminalStates { get; } = [Finished, FailedToStart, Exited];
}
