namespace DMarketAspire.AppHost.Extensions;

internal static class PageUrlExtensions
{
    /// <summary>
    /// A named link to a page of the resource's http endpoint, in the dashboard and the start-up summary. (Aspire's
    /// relative <c>WithUrl</c> rewrites the endpoint's URL instead of adding one.) "/" names the endpoint's own URL.
    /// </summary>
    public static IResourceBuilder<T> WithPageUrl<T>(this IResourceBuilder<T> builder, string path, string displayText)
        where T : IResourceWithEndpoints => path == "/"
        ? builder.WithUrlForEndpoint("http", url => url.DisplayText = displayText)
        : builder.WithUrlForEndpoint("http", endpoint => new ResourceUrlAnnotation { Url = endpoint.Url + path, DisplayText = displayText });
}
