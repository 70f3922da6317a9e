namespace DMarketAspire.AppHost.Extensions;

internal static class SimulatorEndpoints
{
    private const string RandomizePortsConfigurationKey = "DcpPublisher:RandomizePorts";

    /// <summary>
    /// A simulator's http endpoint with no DCP proxy in front of it: requests reach it as they reach the real service,
    /// with no extra hop that could push a paced request into the next second, where the simulator counts it. On a free
    /// port when <c>DcpPublisher:RandomizePorts</c> is set (tests) or the launch profile names none.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDirectHttpEndpoint(this IResourceBuilder<ProjectResource> simulator)
    {
        var randomizePorts = simulator.ApplicationBuilder.Configuration.GetValue<bool>(RandomizePortsConfigurationKey);
        return simulator.WithEndpoint("http", endpoint =>
        {
            endpoint.IsProxied = false;
            endpoint.Port = endpoint.TargetPort = randomizePorts || endpoint.Port is null ? FreePort() : endpoint.Port;
        });
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
