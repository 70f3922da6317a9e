namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The built-in .NET activity sources and meters that stand in for the OpenTelemetry instrumentation packages
/// (which the package feed does not serve), plus the project's own.
/// </summary>
public static class TelemetryNames
{
    /// <summary>Every project's own sources and meters are named under this prefix.</summary>
    public const string ProjectPrefix = "DMarketAspire";

    public static readonly string[] ActivitySources =
    [
        $"{ProjectPrefix}.*",
        "Microsoft.AspNetCore",
        "System.Net.Http",
        "Npgsql",
    ];

    public static readonly string[] Meters =
    [
        $"{ProjectPrefix}.*",
        // What the contrib AddAspNetCoreInstrumentation() adds on .NET 8+: the ASP.NET Core and Kestrel meters.
        "Microsoft.AspNetCore.*",
        "System.Net.Http",
        "System.Net.NameResolution",
        "System.Runtime",
        "Npgsql",
        "Microsoft.EntityFrameworkCore",
    ];
}
