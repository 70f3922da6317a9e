using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Aspire.Hosting;

public static class RestartPolicyExtensions
{
    /// <summary>
    /// In run mode, starts this resource again when it exits unexpectedly (a non-zero exit that no stop asked for; every
    /// replica on its own), with <paramref name="policy"/>'s backoff and limit (<see cref="RestartPolicy.Default"/>:
    /// 1 s doubling to 30 s, at most 5 restarts in 10 minutes). A stop from the dashboard, a clean exit (0) and the
    /// AppHost shutting down are not crashes. Each restart is logged in the resource's console log and counted in its
    /// <c>restart.count</c> property; giving up shows in its state. Matched by name, so it follows a resource that
    /// another extension replaces under the same name (PostgreSQL run from local binaries, say).
    /// </summary>
    public static IResourceBuilder<T> WithRestartPolicy<T>(this IResourceBuilder<T> builder, RestartPolicy? policy = null) where T : IResource
    {
        if (!builder.ApplicationBuilder.ExecutionContext.IsRunMode)
        {
            return builder;
        }

        Supervisor(builder.ApplicationBuilder).Watch(builder.Resource.Name, policy ?? RestartPolicy.Default);
        return builder;
    }

    private static RestartSupervisor Supervisor(IDistributedApplicationBuilder builder)
    {
        if (builder.Services.FirstOrDefault(d => d.ServiceType == typeof(RestartSupervisor))?.ImplementationInstance is RestartSupervisor existing)
        {
            return existing;
        }

        var supervisor = new RestartSupervisor();
        builder.Services.TryAddSingleton(supervisor);
        builder.Eventing.Subscribe<AfterResourcesCreatedEvent>((@event, cancellationToken) =>
        {
            var services = @event.Services;
            var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            _ = Task.Run(() => supervisor.RunAsync(services, stopping), stopping);
            return Task.CompletedTask;
        });
        return supervisor;
    }
}
