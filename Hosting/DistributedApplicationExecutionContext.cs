namespace Aspire.Hosting;

public enum DistributedApplicationOperation
{
    /// <summary>Start every resource on this machine.</summary>
    Run,

    /// <summary>Write the deployment manifest and exit.</summary>
    Publish,
}

public sealed class DistributedApplicationExecutionContext(DistributedApplicationOperation operation)
{
    public DistributedApplicationOperation Operation { get; } = operation;

    public bool IsRunMode => Operation == DistributedApplicationOperation.Run;

    public bool IsPublishMode => Operation == DistributedApplicationOperation.Publish;
}
