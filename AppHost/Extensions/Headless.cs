namespace DMarketAspire.AppHost.Extensions;

/// <summary>
/// Whether the AppHost runs without the Aspire dashboard (<c>AppHost:Headless</c>): on a small server the dashboard is
/// the largest single process Aspire adds (about 150 MB; README "Memory"), and the services' logs still reach the
/// console or the journal. Read before the builder exists, as the dashboard is a builder option: from the environment
/// (<c>AppHost__Headless=true</c>), the command line (<c>--AppHost:Headless true</c>) or <c>appsettings.json</c>.
/// </summary>
internal static class Headless
{
    public const string Key = "AppHost:Headless";

    public static DistributedApplicationOptions Options(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        return new DistributedApplicationOptions { Args = args, DisableDashboard = configuration.GetValue(Key, false) };
    }

    /// <summary>
    /// Headless, nothing receives the services' telemetry, yet Aspire still points them at the dashboard's OTLP address:
    /// each would keep exporting into a closed port. Without the address the services' defaults attach no exporter.
    /// Call after every resource is added.
    /// </summary>
    public static IDistributedApplicationBuilder DropTelemetryWhenHeadless(this IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsRunMode || !builder.Configuration.GetValue(Key, false))
        {
            return builder;
        }

        foreach (var resource in builder.Resources.OfType<IResourceWithEnvironment>())
        {
            resource.Annotations.Add(new EnvironmentCallbackAnnotation(context =>
            {
                foreach (var name in context.EnvironmentVariables.Keys.Where(k => k.StartsWith("OTEL_EXPORTER_OTLP_", StringComparison.Ordinal)).ToList())
                {
                    context.EnvironmentVariables.Remove(name);
                }
            }));
        }

        return builder;
    }
}
