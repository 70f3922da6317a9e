namespace DMarketAspire.AppHost.Extensions;

internal static class DashboardFootprintExtensions
{
    // Forwarded to the dashboard as its own configuration (Dashboard__TelemetryLimits__MaxTraceCount and so on).
    private const string Section = "AppHost:Dashboard";

    // The dashboard ships as one file whose runtime settings we cannot edit; these are the services' own (Directory.Build.props).
    private static readonly KeyValuePair<string, string>[] RuntimeSettings =
    [
        new("DOTNET_gcServer", "0"),
        new("DOTNET_gcConcurrent", "0"),
        new("DOTNET_GCConserveMemory", "7"),
    ];

    /// <summary>
    /// Keeps the dashboard within a small server: its telemetry limits from <c>AppHost:Dashboard</c> (it holds every
    /// span, log and metric point up to them, so they set its size) and the services' garbage collector settings.
    /// DCP starts the dashboard with the AppHost's environment, so both go there; a variable already set wins.
    /// </summary>
    public static IDistributedApplicationBuilder KeepDashboardSmall(this IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsRunMode)
        {
            return builder;
        }

        var section = builder.Configuration.GetSection(Section);
        foreach (var (key, value) in section.AsEnumerable(makePathsRelative: true))
        {
            if (value is not null)
            {
                SetIfUnset("Dashboard__" + key.Replace(":", "__", StringComparison.Ordinal), value);
            }
        }

        foreach (var (name, value) in RuntimeSettings)
        {
            SetIfUnset(name, value);
        }

        return builder;
    }

    private static void SetIfUnset(string name, string value)
    {
        if (Environment.GetEnvironmentVariable(name) is null)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
