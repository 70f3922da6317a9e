using DMarketAspire.IntegrationTests.Otlp;
using Google.Protobuf.Collections;

namespace DMarketAspire.IntegrationTests.ServiceDefaults;

public static class OtlpAttributes
{
    public static string? Get(this RepeatedField<KeyValue> attributes, string key) =>
        attributes.FirstOrDefault(a => a.Key == key)?.Value switch
        {
            null => null,
            { ValueCase: AnyValue.ValueOneofCase.StringValue } v => v.StringValue,
            { ValueCase: AnyValue.ValueOneofCase.IntValue } v => v.IntValue.ToString(),
            { ValueCase: AnyValue.ValueOneofCase.BoolValue } v => v.BoolValue.ToString(),
            var v => v.ToString(),
        };
}
