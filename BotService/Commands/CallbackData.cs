using System.Text;

namespace DMarketAspire.BotService.Commands;

/// <summary>
/// Button data: <c>prefix:part:part</c>, ASCII where it can be, and always within Telegram's 64 bytes (checked here, so a
/// long time-zone name or a new button can never reach Telegram as BUTTON_DATA_INVALID).
/// </summary>
public static class CallbackData
{
    public const int MaxBytes = 64;
    private const char Separator = ':';

    public static string Build(params string[] parts)
    {
        var data = string.Join(Separator, parts);
        return Encoding.UTF8.GetByteCount(data) <= MaxBytes
            ? data
            : throw new ArgumentException($"Callback data '{data}' is over Telegram's {MaxBytes} bytes.", nameof(parts));
    }

    public static string[] Parse(string? data) => string.IsNullOrEmpty(data) ? [] : data.Split(Separator);
}
