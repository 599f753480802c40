using System.Net;
using System.Net.Sockets;

namespace Kim.Testing;

/// <summary>Loopback ports for servers a test starts (Azurite, Kim, the Durable test host's gRPC sidecar).</summary>
public static class FreePorts
{
    /// <summary>
    /// A port the system just handed out as free (bound to port 0, then released). Another process
    /// can still take it before the test binds it: a server that fails with "address in use" is
    /// started again on a new one.
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
