namespace Aspire.Hosting.Testing;

/// <summary>
/// How the testing builder runs an AppHost's Program.cs without running the app: while a hook is active on the
/// current async flow, <c>CreateBuilder</c> applies the test's options and <c>Build()</c> hands the builder over and
/// unwinds Program.cs (Aspire does the same through a host-factory listener).
/// </summary>
internal sealed class TestingHook(Action<DistributedApplicationOptions> configure)
{
    private readonly Action<DistributedApplicationOptions> _configure = configure;

    private static readonly AsyncLocal<TestingHook?> Current = new();

    public DistributedApplicationBuilder? Captured { get; private set; }

    public static IDisposable Activate(TestingHook hook)
    {
        Current.Value = hook;
        return new Deactivation();
    }

    public static DistributedApplicationOptions Apply(DistributedApplicationOptions options)
    {
        Current.Value?._configure(options);
        return options;
    }

    public static void CaptureIfActive(DistributedApplicationBuilder builder)
    {
        if (Current.Value is { } hook)
        {
            hook.Captured = builder;
            throw new BuilderCapturedException();
        }
    }

    /// <summary>Unwinds Program.cs once its builder is captured.</summary>
    internal sealed class BuilderCapturedException() : Exception("The testing builder captured the AppHost's builder.");

    private sealed class Deactivation : IDisposable
    {
        public void Dispose() => Current.Value = null;
    }
}
