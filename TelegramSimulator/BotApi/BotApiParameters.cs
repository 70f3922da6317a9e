using System.Globalization;
using System.Text.Json;

namespace DMarketAspire.TelegramSimulator.BotApi;

/// <summary>
/// A method's parameters from wherever Telegram accepts them: the query string, a JSON body, a form or multipart body
/// (where objects such as <c>reply_markup</c> travel as JSON-encoded strings).
/// </summary>
public sealed class BotApiParameters
{
    private readonly JsonObject _values;
    private readonly Dictionary<string, IFormFile> _files;

    private BotApiParameters(JsonObject values, Dictionary<string, IFormFile> files)
    {
        _values = values;
        _files = files;
    }

    public static async Task<BotApiParameters> ReadAsync(HttpRequest request)
    {
        var values = new JsonObject();
        var files = new Dictionary<string, IFormFile>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            values[key] = value.ToString();
        }

        if (request.HasJsonContentType())
        {
            JsonNode? body;
            try
            {
                body = await JsonNode.ParseAsync(request.Body);
            }
            catch (JsonException)
            {
                throw BotApiException.BadRequest("can't parse JSON object");
            }

            if (body is not JsonObject bodyObject)
            {
                throw BotApiException.BadRequest("can't parse JSON object");
            }

            foreach (var (key, value) in bodyObject.ToList())
            {
                bodyObject.Remove(key);
                values[key] = value;
            }
        }
        else if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            foreach (var (key, value) in form)
            {
                values[key] = value.ToString();
            }

            foreach (var file in form.Files)
            {
                files[file.Name] = file;
            }
        }

        return new BotApiParameters(values, files);
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string? String(string name) => _values[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => (string?)v,
        JsonNode n => n.ToJsonString(),
    };

    public string RequiredString(string name) => String(name) ?? throw BotApiException.BadRequest($"{name} is empty");

    public long? Long(string name)
    {
        var node = _values[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<long>(out var number))
        {
            return number;
        }

        return long.TryParse(String(name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw BotApiException.BadRequest($"field \"{name}\" must be of type Integer");
    }

    public long RequiredLong(string name) => Long(name) ?? throw BotApiException.BadRequest($"{name} is empty");

    public bool Bool(string name)
    {
        var node = _values[name];
        return node switch
        {
            null => false,
            JsonValue v when v.TryGetValue<bool>(out var b) => b,
            _ => String(name) is "true" or "True" or "1",
        };
    }

    /// <summary>An object or array parameter, sent as JSON itself or as a JSON-encoded string.</summary>
    public JsonNode? Json(string name)
    {
        var node = _values[name];
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            try
            {
                return JsonNode.Parse((string)value!);
            }
            catch (JsonException)
            {
                throw BotApiException.BadRequest($"can't parse {name} JSON object");
            }
        }

        return node?.DeepClone();
    }

    public string[]? StringArray(string name) => Json(name) switch
    {
        null => null,
        JsonArray array => [.. array.Select(e => (string?)e ?? "")],
        _ => throw BotApiException.BadRequest($"field \"{name}\" must be an Array"),
    };

    public IFormFile? File(string name)
    {
        var reference = String(name);
        if (reference is not null && reference.StartsWith("attach://", StringComparison.Ordinal))
        {
            return _files.GetValueOrDefault(reference["attach://".Length..]);
        }

        return _files.GetValueOrDefault(name);
    }
}
