namespace DMarketAspire.AppHost.Extensions;

internal static class TieredCompilationExtensions
{
    private const string CallCountThresholdVariable = "DOTNET_TC_CallCountThreshold";

    // The runtime compiles a method again, optimized, after 30 calls, so most start-up code is compiled and kept twice.
    // At 1,000 only code that runs often is: in lean mode the Api measured 97–98 MB instead of 110–121, its start-up CPU
    // halved, and served as many requests (README, Memory). A runtime setting read from the environment only.
    private const string CallCountThreshold = "1000";

    /// <summary>
    /// Every .NET project of the app recompiles only its hot methods (<c>DOTNET_TC_CallCountThreshold</c>), when run and
    /// in the deployment manifest; the lean systemd units set the same. A value the AppHost was given wins. Call after
    /// every project is added.
    /// </summary>
    public static IDistributedApplicationBuilder RecompileOnlyHotMethods(this IDistributedApplicationBuilder builder)
    {
        var value = builder.Configuration[CallCountThresholdVariable] ?? CallCountThreshold;
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            project.Annotations.Add(new EnvironmentCallbackAnnotation(context => context.EnvironmentVariables.TryAdd(CallCountThresholdVariable, value)));
        }

        return builder;
    }
}
