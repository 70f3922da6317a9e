using System.Net;
using System.Net.Sockets;

namespace Aspire.Hosting.Orchestration;

internal static class FreePort
{
    /// <summary>A loopback port the OS just handed out, for a resource that cannot be told to take port 0.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
