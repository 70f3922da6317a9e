using Polly.Timeout;

namespace Microsoft.Extensions.Http.Resilience;

public sealed class HttpTimeoutStrategyOptions : TimeoutStrategyOptions;
