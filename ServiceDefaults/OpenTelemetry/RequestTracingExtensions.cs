using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

internal static class RequestTracingExtensions
{
    public static IServiceCollection AddRequestTracing(this IServiceCollection services, params string[] probePaths) =>
        services.AddSingleton<IStartupFilter>(new RequestTracingStartupFilter(probePaths));
}
