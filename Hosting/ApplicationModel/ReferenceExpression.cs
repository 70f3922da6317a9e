using System.Runtime.CompilerServices;
using System.Text;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A string built from literals and values (ports, passwords, other connection strings): resolved at run time,
/// written as a <c>{resource.property}</c> expression in the manifest. Created with <see cref="Create"/>.
/// </summary>
public sealed class ReferenceExpression : IValueProvider, IManifestExpressionProvider
{
    private readonly IReadOnlyList<object> _parts;

    private ReferenceExpression(IReadOnlyList<object> parts) => _parts = parts;

    public string ValueExpression => string.Concat(_parts.Select(p => p is IManifestExpressionProvider e ? e.ValueExpression : (string)p));

    public static ReferenceExpression Create(in ExpressionInterpolatedStringHandler handler) => new(handler.Parts);

    public async ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default)
    {
        var text = new StringBuilder();
        foreach (var part in _parts)
        {
            text.Append(part is IValueProvider value ? await value.GetValueAsync(cancellationToken) : (string)part);
        }

        return text.ToString();
    }

    public override string ToString() => ValueExpression;

    [InterpolatedStringHandler]
    public readonly ref struct ExpressionInterpolatedStringHandler
    {
        public ExpressionInterpolatedStringHandler(int literalLength, int formattedCount) => Parts = [];

        internal List<object> Parts { get; }

        public void AppendLiteral(string value) => Parts.Add(value);

        public void AppendFormatted(string? value) => Parts.Add(value ?? string.Empty);

        public void AppendFormatted<T>(T value) where T : IValueProvider, IManifestExpressionProvider => Parts.Add(value);
    }
}
