using DMarketAspire.DMarket.Signing;

namespace DMarketAspire.AppHost.Extensions;

internal static class DMarketExtensions
{
    private const string PublicKeyConfigurationKey = "DMarket:PublicKey";
    private const string SecretKeyConfigurationKey = "DMarket:SecretKey";
    private const string BaseUrlConfigurationKey = "DMarket:BaseUrl";
    private const string RandomizePortsConfigurationKey = "DcpPublisher:RandomizePorts";

    /// <summary>
    /// The real DMarket API when <c>DMarket:PublicKey</c> is configured (user secrets or <c>DMarket__PublicKey</c>) and
    /// always in the deployment manifest; otherwise the DMarket simulator, so a newcomer without keys gets the whole app.
    /// </summary>
    public static DMarketConnection AddDMarket(this IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsPublishMode || !string.IsNullOrWhiteSpace(builder.Configuration[PublicKeyConfigurationKey]))
        {
            return new DMarketConnection(
                builder.Configuration[BaseUrlConfigurationKey] ?? DMarket.DMarketOptions.RealApiBaseUrl,
                builder.AddParameterFromConfiguration("dmarket-public-key", PublicKeyConfigurationKey),
                builder.AddParameterFromConfiguration("dmarket-secret-key", SecretKeyConfigurationKey, secret: true),
                Simulator: null);
        }

        var randomizePorts = builder.Configuration.GetValue<bool>(RandomizePortsConfigurationKey);
        var simulator = builder.AddProject<Projects.DMarketAspire_DMarketSimulator>("dmarket-simulator")
            // No DCP proxy in front of it: the Scanner's paced requests reach it as they reach DMarket, with no extra hop
            // that could push one into the next second, where the simulator (like DMarket) counts it.
            .WithEndpoint("http", endpoint =>
            {
                endpoint.IsProxied = false;
                endpoint.Port = endpoint.TargetPort = randomizePorts || endpoint.Port is null ? FreePort() : endpoint.Port;
            })
            .WithHttpHealthCheck("/health")
            .WithPageUrl("/_sim/ground-truth", "ground truth");
        return new DMarketConnection(BaseUrl: null, PublicKey: null, SecretKey: null, simulator);
    }

    /// <summary>Gives a service <c>DMarket__BaseUrl</c> and its keys; with the simulator, it also waits for it.</summary>
    public static IResourceBuilder<ProjectResource> WithDMarket(this IResourceBuilder<ProjectResource> service, DMarketConnection dmarket)
    {
        if (dmarket.Simulator is { } simulator)
        {
            return service
                .WithEnvironment("DMarket__BaseUrl", simulator.GetEndpoint("http"))
                .WithEnvironment("DMarket__PublicKey", DMarketKeys.Demo.PublicKeyHex)
                .WithEnvironment("DMarket__SecretKey", DMarketKeys.Demo.SecretKeyHex())
                .WaitFor(simulator);
        }

        return service
            .WithEnvironment("DMarket__BaseUrl", dmarket.BaseUrl!)
            .WithEnvironment("DMarket__PublicKey", dmarket.PublicKey!)
            .WithEnvironment("DMarket__SecretKey", dmarket.SecretKey!);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
