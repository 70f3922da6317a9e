namespace Aspire.Hosting.ApplicationModel;

public sealed record AllocatedEndpoint(string UriScheme, string Host, int Port)
{
    public string UriString => $"{UriScheme}://{Host}:{Port}";
}
