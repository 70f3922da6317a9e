using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace DMarketAspire.AppHost.Extensions;

/// <summary>
/// What Aspire's console does not print: once every resource is up, how long it took and every URL a newcomer wants
/// (the dashboard's login, the web page, OpenAPI, the simulator's pages), one <c>name  label  url</c> line each.
/// </summary>
internal static class StartupSummary
{
    private const string DashboardUrlKey = "ASPNETCORE_URLS";
    private const string BrowserTokenKey = "AppHost:BrowserToken";
    private const string DashboardResourceName = "aspire-dashboard";

    public static IDistributedApplicationBuilder AddStartupSummary(this IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsRunMode)
        {
            return builder;
        }

        builder.Eventing.Subscribe<AfterResourcesCreatedEvent>((@event, cancellationToken) =>
        {
            var services = @event.Services;
            var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            _ = Task.Run(() => PrintWhenUpAsync(builder, @event.Model, services.GetRequiredService<ResourceNotificationService>(), stopping), stopping);
            return Task.CompletedTask;
        });
        return builder;
    }

    private static async Task PrintWhenUpAsync(IDistributedApplicationBuilder builder, DistributedApplicationModel model, ResourceNotificationService notifications, CancellationToken stopping)
    {
        var watched = model.Resources.Where(r => r is not ParameterResource).Select(r => r.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var latest = new Dictionary<string, ResourceEvent>();
        try
        {
            await foreach (var change in notifications.WatchAsync(stopping))
            {
                if (change.Snapshot.IsHidden)
                {
                    // The dashboard itself: its login URL is printed from configuration.
                    watched.Remove(change.Resource.Name);
                    continue;
                }

                if (!watched.Contains(change.Resource.Name))
                {
                    continue;
                }

                latest[change.ResourceId] = change;
                if (watched.All(name => latest.Values.Any(e => e.Resource.Name == name)) && latest.Values.All(IsUp))
                {
                    Print(builder, model, latest.Values.ToList());
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped before everything was up.
        }
    }

    /// <summary>Running and healthy, or (a step such as the migrations) finished with exit code 0.</summary>
    private static bool IsUp(ResourceEvent e) => e.Snapshot.State?.Text switch
    {
        var s when s == KnownResourceStates.Running => e.Snapshot.HealthStatus is null or HealthStatus.Healthy,
        var s when s == KnownResourceStates.Finished => e.Snapshot.ExitCode is null or 0,
        _ => false,
    };

    /// <summary>Where the dashboard really listens (its endpoint, which may be on a randomized port), else as configured.</summary>
    private static string? DashboardUrl(IDistributedApplicationBuilder builder, DistributedApplicationModel model)
    {
        var endpoint = model.Resources.OfType<IResourceWithEndpoints>().FirstOrDefault(r => r.Name == DashboardResourceName)?
            .GetEndpoints().FirstOrDefault(e => e.IsAllocated && e.Scheme is "http" or "https");
        return endpoint?.Url ?? builder.Configuration[DashboardUrlKey]?.Split(';')[0].TrimEnd('/');
    }

    private static void Print(IDistributedApplicationBuilder builder, DistributedApplicationModel model, List<ResourceEvent> resources)
    {
        var order = model.Resources.Select(r => r.Name).ToList();
        var elapsed = DateTime.Now - Process.GetCurrentProcess().StartTime;
        var lines = new List<(string Name, string Label, string Url)>();
        if (!builder.Configuration.GetValue(Headless.Key, false) && DashboardUrl(builder, model) is { Length: > 0 } dashboard)
        {
            lines.Add(("dashboard", "login", builder.Configuration[BrowserTokenKey] is { Length: > 0 } token ? $"{dashboard}/login?t={token}" : dashboard));
        }

        var replicated = resources.GroupBy(r => r.Resource.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        foreach (var resource in resources.OrderBy(r => order.IndexOf(r.Resource.Name)).ThenBy(r => r.ResourceId, StringComparer.Ordinal))
        {
            var name = replicated.Contains(resource.Resource.Name) ? resource.ResourceId : resource.Resource.Name;
            foreach (var url in resource.Snapshot.Urls.Where(u => !u.IsInternal && !u.IsInactive))
            {
                var label = url.DisplayProperties.DisplayName is { Length: > 0 } display ? display : url.Name ?? "url";
                lines.Add((name, label, url.Url));
            }
        }

        var nameWidth = lines.Max(l => l.Name.Length) + 2;
        var labelWidth = lines.Max(l => l.Label.Length) + 1;
        var text = new System.Text.StringBuilder($"All resources are up after {elapsed.TotalSeconds:F1} s.{Environment.NewLine}");
        foreach (var (name, label, url) in lines)
        {
            text.Append("  ").Append(name.PadRight(nameWidth)).Append(label.PadRight(labelWidth)).Append(url).Append(Environment.NewLine);
        }

        Console.Out.Write(text.ToString());
        Console.Out.Flush();
    }
}
