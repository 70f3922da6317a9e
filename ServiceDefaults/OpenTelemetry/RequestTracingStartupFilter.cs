using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Does, first in the pipeline, what OpenTelemetry.Instrumentation.AspNetCore (not served here) does for server spans:
/// <list type="bullet">
/// <item>leaves probe requests (/health, /alive) out of traces, since they would drown real traffic: their activity
/// is marked not recorded, which the exporting processor skips, and their children are not sampled;</item>
/// <item>adds the end-of-request tags (<c>http.response.status_code</c>, <c>http.route</c>, <c>error.type</c>) and the
/// <c>GET /route</c> name. ASP.NET Core 10 (with its AppContext switch off) only adds the creation tags.</item>
/// </list>
/// </summary>
internal sealed class RequestTracingStartupFilter(string[] probePaths) : IStartupFilter
{
    private const string StatusCodeTag = "http.response.status_code";
    private const string RouteTag = "http.route";
    private const string ErrorTypeTag = "error.type";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            var activity = Activity.Current;
            if (activity is null)
            {
                await nextMiddleware(context);
                return;
            }

            if (IsProbe(context.Request.Path))
            {
                activity.IsAllDataRequested = false;
                activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
                await nextMiddleware(context);
                return;
            }

            try
            {
                await nextMiddleware(context);
            }
            catch (Exception exception) when (activity.IsAllDataRequested)
            {
                activity.SetTag(ErrorTypeTag, exception.GetType().FullName);
                activity.SetStatus(ActivityStatusCode.Error, exception.Message);
                throw;
            }
            finally
            {
                if (activity.IsAllDataRequested)
                {
                    AddEndTags(context, activity);
                }
            }
        });
        next(app);
    };

    private static void AddEndTags(HttpContext context, Activity activity)
    {
        var status = context.Response.StatusCode;
        if (activity.GetTagItem(StatusCodeTag) is null)
        {
            activity.SetTag(StatusCodeTag, status);
        }

        if (status >= StatusCodes.Status500InternalServerError && activity.Status == ActivityStatusCode.Unset)
        {
            activity.SetTag(ErrorTypeTag, status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            activity.SetStatus(ActivityStatusCode.Error);
        }

        var route = context.GetEndpoint()?.Metadata.GetMetadata<IRouteDiagnosticsMetadata>()?.Route;
        if (route is not null && activity.GetTagItem(RouteTag) is null)
        {
            activity.SetTag(RouteTag, route);
            activity.DisplayName = $"{context.Request.Method} {route}";
        }
    }

    private bool IsProbe(PathString path)
    {
        foreach (var probePath in probePaths)
        {
            if (path.StartsWithSegments(probePath, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
