namespace Aspire.Hosting;

public class DistributedApplicationException(string message, Exception? innerException = null) : Exception(message, innerException);
